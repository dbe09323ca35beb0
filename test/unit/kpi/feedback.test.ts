import { CellValue } from '../../../src/domain/cells';
import { feedbackState } from '../../../src/domain/kpi';
import { customer, ndv, run, serial } from './kpiBook';

const at = (iso: string, hh = 0, mm = 0) => serial(iso) + (hh * 60 + mm) / 1440;

describe('feedbackState (deadline = Received At + feedback_hours)', () => {
  const asOf = serial('2026-01-10');

  it('an answer after exactly 48 h is on time, even with floating-point serials', () => {
    expect(feedbackState(at('2025-10-12', 9), at('2025-10-14', 9), 48, asOf)).toBe('on_time');
    // 10:00 two days later, as another program rounded it: a hair above received + 2.
    expect(45964.41666666667).toBeGreaterThan(45962.41666666666 + 2);
    expect(feedbackState(45962.41666666666, 45964.41666666667, 48, asOf)).toBe('on_time');
    expect(feedbackState(at('2025-10-12', 9), at('2025-10-14', 9, 1), 48, asOf)).toBe('late');
  });

  it('a date without time is 00:00', () => {
    expect(feedbackState(serial('2025-10-12'), at('2025-10-14', 0), 48, asOf)).toBe('on_time');
    expect(feedbackState(serial('2025-10-12'), serial('2025-10-15'), 48, asOf)).toBe('late');
  });

  it('an unanswered item is due (late) when its deadline falls on or before the as-of date', () => {
    expect(feedbackState(serial('2025-12-30'), null, 48, asOf)).toBe('late');
    // Deadline 2026-01-10 15:00, on the as-of day: the day counts whole.
    expect(feedbackState(at('2026-01-08', 15), null, 48, asOf)).toBe('late');
    // Deadline 2026-01-11 00:00: the day after, still pending.
    expect(feedbackState(serial('2026-01-09'), null, 48, asOf)).toBe('pending');
    expect(feedbackState(at('2026-01-09', 23, 59), null, 48, asOf)).toBe('pending');
  });

  it('an answered item is judged whatever the as-of date', () => {
    expect(feedbackState(serial('2026-01-09'), at('2026-01-09', 10), 48, asOf)).toBe('on_time');
    expect(feedbackState(serial('2026-01-01'), serial('2026-01-20'), 48, asOf)).toBe('late');
  });
});

describe('feedback_timeliness', () => {
  const customers = [customer('C01', 'S01'), customer('C02', 'S02')];
  const item = (id: string, staffId: string, receivedAt: CellValue, repliedAt: CellValue = null) => ({
    feedbackId: id,
    customerId: staffId === 'S01' ? 'C01' : 'C02',
    staffId,
    receivedAt,
    repliedAt,
  });

  it('on time / due over feedback received in P; pending items are in neither count', () => {
    const report = run(
      {
        Customers: customers,
        Feedback: [
          item('F1', 'S01', '2025-10-01 09:00', '2025-10-03 09:00'), // exactly 48 h
          item('F2', 'S01', '2025-12-31 23:30'), // deadline 2026-01-02 23:30: due, late
          item('F3', 'S02', '2025-12-31 08:00', '2026-01-01 08:00'),
          item('F4', 'S02', '2025-09-30 23:59', '2025-10-01 01:00'), // received in Q3
        ],
      },
      { asOf: '2026-01-02' },
    );
    expect(ndv(report, 'S01', 'feedback_timeliness')).toEqual([1, 2, 0.5]);
    expect(ndv(report, 'S02', 'feedback_timeliness')).toEqual([1, 1, 1]);
    expect(ndv(report, null, 'feedback_timeliness')).toEqual([2, 3, 2 / 3]);

    // On 2026-01-01 F2's deadline has not come: pending.
    const earlier = run({ Customers: customers, Feedback: [item('F2', 'S01', '2025-12-31 23:30')] }, { asOf: '2026-01-01' });
    expect(ndv(earlier, 'S01', 'feedback_timeliness')).toEqual([0, 0, null]);
  });

  it('uses the feedback_hours setting', () => {
    const report = run(
      { Customers: customers, Feedback: [item('F1', 'S01', '2025-10-01 09:00', '2025-10-02 10:00')] },
      { settings: { feedback_hours: 24 } },
    );
    expect(ndv(report, 'S01', 'feedback_timeliness')).toEqual([0, 1, 0]);
  });

  it('leaves out an item whose answer is before its receipt (an error), and counts it', () => {
    const report = run({
      Customers: customers,
      Feedback: [item('F1', 'S01', '2025-10-05 09:00', '2025-10-04 09:00'), item('F2', 'S01', '2025-10-05', '2025-10-05 12:00')],
    });
    expect(ndv(report, 'S01', 'feedback_timeliness')).toEqual([1, 1, 1]);
    expect(report.excluded).toEqual({ Feedback: 1 });
  });
});
