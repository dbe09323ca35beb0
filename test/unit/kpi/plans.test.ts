import { RowInput } from '../../helpers/snapshot';
import { ndv, run } from './kpiBook';

/** The sales, development and budget plans of the department and S01 for a period. */
function plansOf(plans: RowInput[], period: string) {
  const report = run({ Plans: plans }, { period });
  return {
    s01: {
      sales: ndv(report, 'S01', 'sales_completion')[1],
      development: ndv(report, 'S01', 'development_completion')[1],
      budget: ndv(report, 'S01', 'expense_ratio')[1],
    },
    s02: ndv(report, 'S02', 'sales_completion')[1],
    department: ndv(report, null, 'sales_completion')[1],
    manager: ndv(report, 'M01', 'sales_completion')[1],
    excluded: report.excluded,
  };
}

describe('plan(s, P) roll-up', () => {
  it('a quarter is the sum of its month rows when it has no row of its own', () => {
    const plans = [
      { period: '2025-10', staffId: 'S01', salesPlan: 30, developmentPlan: 1, serviceBudget: 2000 },
      { period: '2025-11', staffId: 'S01', salesPlan: 30, developmentPlan: 0, serviceBudget: 2000 },
      { period: '2025-12', staffId: 'S01', salesPlan: 40, developmentPlan: 1, serviceBudget: 2000 },
      { period: '2026-01', staffId: 'S01', salesPlan: 999 },
    ];
    expect(plansOf(plans, '2025Q4').s01).toEqual({ sales: 100, development: 2, budget: 6000 });
    expect(plansOf(plans, '2025-11').s01).toEqual({ sales: 30, development: 0, budget: 2000 });
  });

  it('a year is the sum over its quarters, each from its own row or else its months: never twice', () => {
    const plans = [
      { period: '2025Q1', staffId: 'S01', salesPlan: 100 },
      // Q1 has a row: these months are not added again.
      { period: '2025-01', staffId: 'S01', salesPlan: 40 },
      { period: '2025-02', staffId: 'S01', salesPlan: 40 },
      { period: '2025-05', staffId: 'S01', salesPlan: 10 },
      { period: '2025-06', staffId: 'S01', salesPlan: 15 },
      { period: '2025Q4', staffId: 'S01', salesPlan: 200 },
    ];
    expect(plansOf(plans, '2025').s01.sales).toBe(325);
    expect(plansOf(plans, '2025Q2').s01.sales).toBe(25);
    expect(plansOf(plans, '2025Q3').s01.sales).toBeNull();
  });

  it("the period's own row wins over its parts", () => {
    const plans = [
      { period: '2025', staffId: 'S01', salesPlan: 1000 },
      { period: '2025Q4', staffId: 'S01', salesPlan: 200 },
      { period: '2025-10', staffId: 'S01', salesPlan: 1 },
    ];
    expect(plansOf(plans, '2025').s01.sales).toBe(1000);
    expect(plansOf(plans, '2025Q4').s01.sales).toBe(200);
    expect(plansOf(plans, '2025-10').s01.sales).toBe(1);
  });

  it('rolls up each measure on its own: a blank cell falls back to the parts for that measure only', () => {
    const plans = [
      { period: '2025Q4', staffId: 'S01', salesPlan: 200, developmentPlan: null, serviceBudget: 9000 },
      { period: '2025-10', staffId: 'S01', salesPlan: 1, developmentPlan: 1, serviceBudget: 1 },
      { period: '2025-12', staffId: 'S01', salesPlan: 1, developmentPlan: 2, serviceBudget: 1 },
    ];
    expect(plansOf(plans, '2025Q4').s01).toEqual({ sales: 200, development: 3, budget: 9000 });
  });

  it('a month has no parts: without its own row the plan is null', () => {
    const plans = [{ period: '2025Q4', staffId: 'S01', salesPlan: 300 }];
    expect(plansOf(plans, '2025-10').s01.sales).toBeNull();
  });

  it('the department uses its blank-staff rows, with the same roll-up', () => {
    const plans = [
      { period: '2025-10', staffId: null, salesPlan: 100 },
      { period: '2025-11', staffId: null, salesPlan: 100 },
      { period: '2025Q4', staffId: 'S01', salesPlan: 50 },
      { period: '2025Q4', staffId: 'S02', salesPlan: 60 },
    ];
    const p = plansOf(plans, '2025Q4');
    expect(p.department).toBe(200);
    expect(p.manager).toBe(200);
    expect(p.s01.sales).toBe(50);
  });

  it('without department rows, the department is the sum of the non-null staff plans (inactive staff included)', () => {
    const plans = [
      { period: '2025Q4', staffId: 'S01', salesPlan: 50 },
      { period: '2025-10', staffId: 'S02', salesPlan: 10 },
      { period: '2025-11', staffId: 'S02', salesPlan: 20 },
      { period: '2025Q4', staffId: 'S03', salesPlan: 5 },
      { period: '2025Q3', staffId: 'S02', salesPlan: 1000 },
    ];
    const report = run(
      {
        Staff: [
          { staffId: 'M01', name: '经理', role: '经理' },
          { staffId: 'S01', name: '甲', role: '专员' },
          { staffId: 'S02', name: '乙', role: '专员' },
          { staffId: 'S03', name: '丙', role: '专员', active: false },
        ],
        Plans: plans,
      },
      { period: '2025Q4' },
    );
    expect(ndv(report, 'S02', 'sales_completion')[1]).toBe(30);
    expect(ndv(report, null, 'sales_completion')[1]).toBe(85);
    expect(plansOf(plans.slice(0, 1), '2025').department).toBe(50);
  });

  it('is null for everyone when nothing is planned', () => {
    const p = plansOf([], '2025Q4');
    expect(p).toEqual({ s01: { sales: null, development: null, budget: null }, s02: null, department: null, manager: null, excluded: {} });
  });

  it('a duplicate (Period, Staff ID) row is left out: the first row stands, and it is counted', () => {
    const plans = [
      { period: '2025Q4', staffId: 'S01', salesPlan: 50 },
      { period: '2025Q4', staffId: 'S01', salesPlan: 70 },
    ];
    const p = plansOf(plans, '2025Q4');
    expect(p.s01.sales).toBe(50);
    expect(p.department).toBe(50);
    expect(p.excluded).toEqual({ Plans: 1 });
  });

  it('a row with a bad cell is left out of that measure only; rows of other periods are not counted', () => {
    const plans = [
      { period: '2025Q4', staffId: 'S01', salesPlan: -10, developmentPlan: 2, serviceBudget: 100 },
      { period: '2024Q4', staffId: 'S01', salesPlan: -10 },
      { period: 'next year', staffId: 'S02', salesPlan: 10 },
    ];
    const p = plansOf(plans, '2025Q4');
    expect(p.s01).toEqual({ sales: null, development: 2, budget: 100 });
    // The unreadable period might have been this one: counted.
    expect(p.excluded).toEqual({ Plans: 2 });
  });
});
