/** Commands reach the workbook only at sync; every round trip is counted and weighed. */
import { PAYLOAD_LIMIT_BYTES, SimWorkbook, Simulator } from '../../../src/preview/simulator';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('Data', 'A1', [['ID'], ['K1']]);
  return new Simulator(wb);
}

describe('queued writes', () => {
  it('leave the workbook unchanged until sync', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B1').values = [['Name']];
      context.workbook.worksheets.add('New');
      expect(s.workbook.values('Data')).toEqual([['ID'], ['K1']]);
      expect(s.workbook.sheet('New')).toBeUndefined();
      await context.sync();
      expect(s.workbook.values('Data')).toEqual([['ID', 'Name'], ['K1', '']]);
      expect(s.workbook.sheet('New')).toBeDefined();
    });
  });

  it('are invisible to another context until they are synced', async () => {
    const s = sim();
    await s.run(async (writer) => {
      writer.workbook.worksheets.getItem('Data').getRange('A2').values = [['K2']];
      const seen = await s.run(async (reader) => {
        const r = reader.workbook.worksheets.getItem('Data').getRange('A2').load('values');
        await reader.sync();
        return r.values;
      });
      expect(seen).toEqual([['K1']]);
    });
    expect(s.workbook.values('Data')[1]).toEqual(['K2']); // Excel.run's closing sync sent it
  });

  it('run in order: a load after a write in the same sync sees the write', async () => {
    await sim().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A3').values = [['K3']];
      const r = sheet.getRange('A1:A3').load('values');
      await context.sync();
      expect(r.values).toEqual([['ID'], ['K1'], ['K3']]);
    });
  });

  it('before a failing command stay applied (a batch is not a transaction)', async () => {
    const s = sim();
    await expect(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A2').values = [['changed']];
        context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
        context.workbook.worksheets.getItem('Data').getRange('A3').values = [['never']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(s.workbook.values('Data')).toEqual([['ID'], ['changed']]);
  });
});

describe('counting syncs', () => {
  it('counts each sync that carries commands', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.load('items/name');
      await context.sync();
      context.workbook.worksheets.getItem('Data').getRange('A1').load('values');
      await context.sync();
    });
    expect(s.stats.syncs).toBe(2);
  });

  it('does not count an empty sync (no round trip)', async () => {
    const s = sim();
    await s.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(s.stats.syncs).toBe(0);
  });

  it('counts the closing sync of run when commands are still queued', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B1').values = [['x']];
    });
    expect(s.stats.syncs).toBe(1);
    expect(s.workbook.values('Data')[0]).toEqual(['ID', 'x']);
  });

  it('records the bytes of each request and reply', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:A2').load('values');
      await context.sync();
    });
    const [trip] = s.stats.trips;
    expect(trip.sentBytes).toBeGreaterThan(0);
    expect(trip.replyBytes).toBeGreaterThanOrEqual(JSON.stringify([['ID'], ['K1']]).length);
    expect(s.stats.maxRequestBytes).toBe(Math.max(trip.sentBytes, trip.replyBytes));
  });
});

describe('the 5 MB payload limit', () => {
  const bigColumn = (rows: number) => Array.from({ length: rows }, (_, i) => [`row ${i} ${'x'.repeat(40)}`]);

  it('refuses a request over 5 MB with RequestPayloadSizeLimitExceeded and applies nothing of it', async () => {
    const s = sim();
    const rows = bigColumn(120_000); // ~6 MB of JSON
    await expect(
      s.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.getRange('B1').values = [['small write before']];
        sheet.getRange(`C1:C${rows.length}`).values = rows;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded', message: expect.stringContaining('The request payload size has exceeded the limit') });
    expect(s.workbook.values('Data')).toEqual([['ID'], ['K1']]);
    expect(s.stats.maxSentBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it('accepts the same data cut into requests under the limit', async () => {
    const s = sim();
    const rows = bigColumn(120_000);
    await s.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('C1:C60000').values = rows.slice(0, 60_000);
      await context.sync();
      sheet.getRange('C60001:C120000').values = rows.slice(60_000);
      await context.sync();
    });
    expect(s.stats.syncs).toBe(2);
    expect(s.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(s.workbook.values('Data')).toHaveLength(120_000);
  });

  it('refuses a reply over 5 MB with ResponsePayloadSizeLimitExceeded and delivers nothing', async () => {
    const wb = new SimWorkbook();
    wb.setCells('Big', 'A1', bigColumn(120_000));
    const s = new Simulator(wb);
    await s.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Big').getRange('A1:A120000').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(s.stats.maxReplyBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it('takes the limit as an option (to test chunking with little data)', async () => {
    const s = new Simulator(sim().workbook, { payloadLimitBytes: 200 });
    await expect(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:A20').values = Array.from({ length: 20 }, () => ['0123456789']);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });
});
