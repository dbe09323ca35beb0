import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { CONTRACT_STATUS, CUSTOMER_STATUS, PHASE, TIER, VISIT_STATUS, VISIT_TYPE } from '../tables';
import {
  amount,
  amountText,
  centered,
  customerRow,
  date,
  enumWord,
  newestFirst,
  specBase,
  staffLabel,
  staffName,
  unknownSubject,
  visitDay,
  yesNo,
} from './data';
import { word } from './labels';
import { FormSpec, Section, Value } from './layout';
import { FormError, FormRequest } from './templates';

/** How many of the last visits, and of the last contracts and complaints, the profile lists (one A4 page). */
export const RECENT_VISITS = 5;
export const RECENT_ROWS = 3;

/**
 * 大客户信息档案表: a customer's archive fields, then its last visits (up to the as-of day),
 * contracts and complaints, newest first, with counts and totals of all of them.
 */
export function customerProfile(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.customer ?? '';
  const row = customerRow(book, id);
  if (!row) return unknownSubject('customer-profile', 'customer', id);
  const c = row.v;
  const w = (k: Parameters<typeof word>[0], p?: Record<string, string | number>) => word(k, lang, p);
  const customerId = c.customerId ?? id;
  const latest = (total: number) => (total > RECENT_ROWS ? w('latestListed', { shown: RECENT_ROWS }) : '');

  const sections: Section[] = [
    { kind: 'heading', text: w('basicInfo') },
    {
      kind: 'fields',
      rows: [
        [
          { label: w('customerId'), value: customerId },
          { label: w('customerName'), value: c.name },
        ],
        [
          { label: w('creditCode'), value: c.creditCode },
          { label: w('industry'), value: c.industry },
        ],
        [
          { label: w('region'), value: c.region },
          { label: w('tier'), value: enumWord(TIER, c.tier, lang) },
        ],
        [
          { label: w('owner'), value: staffLabel(book, c.ownerId) },
          { label: w('customerStatus'), value: enumWord(CUSTOMER_STATUS, c.status, lang) },
        ],
        [
          { label: w('phase'), value: enumWord(PHASE, c.phase, lang) },
          { label: w('annualValue'), value: amount(c.annualValue) },
        ],
        [
          { label: w('createdOn'), value: date(c.createdOn) },
          { label: w('developedOn'), value: date(c.developedOn) },
        ],
        [
          { label: w('lostOn'), value: date(c.lostOn) },
          { label: w('lostReason'), value: c.lostReason },
        ],
        [
          { label: w('contact'), value: c.contact },
          { label: w('contactTitle'), value: c.contactTitle },
        ],
        [
          { label: w('phone'), value: c.phone },
          { label: w('email'), value: c.email },
        ],
        [{ label: w('address'), value: c.address }],
        [{ label: w('notes'), value: c.notes }],
      ],
    },
  ];

  // The last visits: those that took place (or were planned) up to the as-of day.
  const asOf = Math.floor(request.asOf);
  const visits = newestFirst(
    book.Visits.rows.filter((r) => r.v.customerId === customerId && (visitDay(r.v) ?? Infinity) <= asOf),
    (r) => visitDay(r.v),
    (r) => r.v.visitId,
  );
  sections.push(
    { kind: 'heading', text: w('recentVisits') },
    {
      kind: 'table',
      columns: [
        { header: w('visitId'), span: 2 },
        { header: w('visitDate'), span: 2, fmt: 'date' },
        { header: w('type'), span: 1, fmt: 'center' },
        { header: w('visitStatus'), span: 1, fmt: 'center' },
        { header: w('visitor'), span: 1, fmt: 'center' },
        { header: w('purposeOutcome'), span: 5 },
      ],
      rows: visits.slice(0, RECENT_VISITS).map((r): Value[] => [
        r.v.visitId,
        date(visitDay(r.v)),
        enumWord(VISIT_TYPE, r.v.visitType, lang),
        enumWord(VISIT_STATUS, r.v.status, lang),
        staffName(book, r.v.staffId),
        [r.v.purpose, r.v.outcome].filter((s) => s !== null && s !== '').join(' / ') || null,
      ]),
      emptyText: w('none'),
    },
  );
  if (visits.length > RECENT_VISITS) sections.push({ kind: 'note', text: w('onlyRecent', { shown: RECENT_VISITS, total: visits.length }) });

  const contracts = newestFirst(
    book.Contracts.rows.filter((r) => r.v.customerId === customerId),
    (r) => r.v.signedOn,
    (r) => r.v.contractId,
  );
  const validTotal = contracts.reduce((sum, r) => sum + (r.v.status === '有效' && r.v.amount !== null && !r.bad?.has('amount') ? r.v.amount : 0), 0);
  sections.push(
    { kind: 'heading', text: w('contracts') },
    {
      kind: 'table',
      columns: [
        { header: w('contractId'), span: 3 },
        { header: w('signedOn'), span: 3, fmt: 'date' },
        { header: w('contractAmount'), span: 2, fmt: 'amount' },
        { header: w('contractStatus'), span: 1, fmt: 'center' },
        { header: w('signedBy'), span: 3, fmt: 'center' },
      ],
      rows: contracts.slice(0, RECENT_ROWS).map((r): Value[] => [
        r.v.contractId,
        date(r.v.signedOn),
        amount(r.v.amount),
        centered(enumWord(CONTRACT_STATUS, r.v.status, lang)),
        staffLabel(book, r.v.staffId),
      ]),
      emptyText: w('none'),
    },
    { kind: 'note', text: w('contractSummary', { count: contracts.length, amount: amountText(validTotal), latest: latest(contracts.length) }) },
  );

  const complaints = newestFirst(
    book.Complaints.rows.filter((r) => r.v.customerId === customerId),
    (r) => r.v.receivedOn,
    (r) => r.v.complaintId,
  );
  sections.push(
    { kind: 'heading', text: w('complaints') },
    {
      kind: 'table',
      columns: [
        { header: w('complaintId'), span: 2 },
        { header: w('receivedOn'), span: 2, fmt: 'date' },
        { header: w('validShort'), span: 1, fmt: 'center' },
        { header: w('content'), span: 3 },
        { header: w('resolution'), span: 2 },
        { header: w('closedOn'), span: 2, fmt: 'date' },
      ],
      rows: complaints.slice(0, RECENT_ROWS).map((r): Value[] => [
        r.v.complaintId,
        date(r.v.receivedOn),
        yesNo(r.v.valid, lang),
        r.v.content,
        r.v.resolution,
        date(r.v.closedOn),
      ]),
      emptyText: w('none'),
    },
    { kind: 'note', text: w('complaintSummary', {
        count: complaints.length,
        valid: complaints.filter((r) => r.v.valid === true).length,
        latest: latest(complaints.length),
      }),
    },
  );

  return { ...specBase('customer-profile', lang, customerId, [customerId], 'marketingDept', request.asOf), sections };
}
