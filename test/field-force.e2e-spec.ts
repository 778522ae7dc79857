import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { DispatchDecisionView } from '../src/dispatch/dispatch.service.js';
import type { Technician } from '../src/technicians/technician.js';
import type { WorkOrder } from '../src/work-orders/work-order.js';
import { nextEvent } from './helpers/domain-events.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { MANUAL_JOBS, move, registerDevices } from './helpers/work-orders.js';

const DAY = 86_400_000;
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A fixed-offset zone where it is now between 01:00 and 02:00: a whole working day lies ahead. */
function earlyMorningZone(now = Date.now()): string {
  let offset = (25 - new Date(now).getUTCHours()) % 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Every day, all day (UTC): the visit always fits whenever the test runs. */
const ALWAYS = {
  timeZone: 'UTC',
  shifts: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })),
};

function aTechnician(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    technicianId: id,
    name: `Tech ${id}`,
    employment: 'employee',
    skills: [{ modelId: 'MFP-C300', level: 3 }],
    certifications: [{ code: 'mfp-c300', issuedAt: date(now - 300 * DAY), expiresAt: date(now + 60 * DAY) }],
    // Lyon; the site is at 45.76, 4.83
    homeBase: { lat: 45.75, lon: 4.85 },
    workingHours: ALWAYS,
    territory: { areas: [] },
    rates: { currency: 'EUR', labourPerHour: 60, travelPerHour: 30, perKm: 0.5 },
    maxJobsPerDay: 6,
    ...over,
  };
}

async function hire(app: TestApp, body: Record<string, unknown>): Promise<void> {
  const id = String(body.technicianId);
  const created = await app.request('POST', '/api/v1/technicians', body);
  if (created.status !== 201) throw new Error(`hiring ${id}: ${created.status} ${created.text}`);
  for (const step of [{ to: 'verified', identityChecked: true }, { to: 'active' }]) {
    const r = await app.request('POST', `/api/v1/technicians/${id}/transitions`, {
      actor: 'hr:eve',
      ...step,
    });
    if (r.status !== 200) throw new Error(`${id} to ${step.to}: ${r.status} ${r.text}`);
  }
}

describe('Field force over the real app: dispatch, visit, feedback, rating, pay', () => {
  let app: TestApp;
  /** The order nobody could take (second test), for the dispatcher of the last. */
  let waiting = '';

  beforeAll(async () => {
    app = await startTestApp({
      ...MANUAL_JOBS,
      TECHNICIAN_CERT_INTERVAL_MS: '0',
      DISPATCH_INTERVAL_MS: '0',
      FEEDBACK_RISK_INTERVAL_MS: '0',
    });
    await registerDevices(
      app,
      ['dev-1', 'dev-2', 'dev-3', 'dev-4'].map((deviceId) => ({ deviceId })),
    );
    const req = await app.request('PUT', '/api/v1/certification-requirements', [
      { requirementId: 'mfp', certification: 'mfp-c300', modelIds: ['MFP-C300'] },
    ]);
    expect(req.status).toBe(200);
    // near and certified; farther and certified; certified for something else; no skill for the model
    await hire(app, aTechnician('t-near'));
    await hire(app, aTechnician('t-far', { homeBase: { lat: 45.19, lon: 5.72 } }));
    const gas = [{ code: 'f-gas', issuedAt: date(Date.now() - DAY), expiresAt: date(Date.now() + 90 * DAY) }];
    await hire(app, aTechnician('t-gas', { certifications: gas }));
    await hire(
      app,
      aTechnician('t-hvac', { skills: [{ modelId: 'HVAC-9', level: 5 }], certifications: gas }),
    );
  }, 120_000);

  afterAll(() => app?.stop());

  it('assigns an opened order to the best eligible technician, explains why, and rates and pays the visit', async () => {
    // order opened → technician assigned
    const assigned = nextEvent(app.app, 'dispatch.assigned');
    const opened = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'dev-1',
      kind: 'customer-request',
      description: 'paper jams in tray 2',
      requestedBy: 'customer:alder',
    });
    expect(opened.status).toBe(201);
    const a = await assigned;
    expect(a).toMatchObject({ orderId: opened.body.id, technicianId: 't-near', mode: 'auto' });

    const order = (await app.get<WorkOrder>(`/api/v1/work-orders/${opened.body.id}`)).body;
    expect(order).toMatchObject({ status: 'assigned', assignee: 't-near' });
    expect(order.scheduledStart).toBe(a.proposal.arrival);

    const decision = (await app.get<DispatchDecisionView>(`/api/v1/dispatch/orders/${order.id}`)).body;
    expect(decision.outcome).toBe('assigned');
    expect(decision.proposals.map((p) => p.technicianId)).toEqual(['t-near', 't-far']);
    const [best] = decision.proposals;
    // the score is explained: the contributions add up to it
    expect(best.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(best.score, 9);
    expect(best.score).toBeGreaterThan(decision.proposals[1].score);
    expect(best.travelKm).toBeLessThan(decision.proposals[1].travelKm);

    const day = await app.get<{ stops: Array<{ orderId: string }> }>(
      `/api/v1/dispatch/technicians/t-near/days/${best.day}`,
    );
    expect(day.status).toBe(200);
    expect(day.body.stops.map((s) => s.orderId)).toEqual([order.id]);

    // visit done → a feedback request with a single-use link
    const requested = nextEvent(app.app, 'feedback.requested', (p) => p.request.orderId === order.id);
    await move(app, order.id, { to: 'in-progress' });
    await move(app, order.id, {
      to: 'completed',
      visit: { labourMinutes: 90, travelMinutes: 20, travelKm: 12, parts: [{ component: 'pickup_roller' }] },
    });
    const { link, request } = await requested;
    expect(request.technicianId).toBe('t-near');
    const token = link.split('/').pop()!;
    // the page the customer opens
    // the customer has no API key: the token is enough
    const NO_KEY = { authorization: '' };
    const page = await app.get(`/feedback/${token}`, NO_KEY);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form');

    const before = (
      await app.get<{ rating: number; count: number }>('/api/v1/feedback/technicians/t-near/rating')
    ).body;
    expect(before).toMatchObject({ rating: 4, count: 0 });

    // customer rating recorded → technician rating updated
    const answer = await app.request(
      'POST',
      `/api/v1/feedback/links/${token}`,
      { rating: 5, comment: 'quick' },
      NO_KEY,
    );
    expect(answer.status).toBe(201);
    const again = await app.request('POST', `/api/v1/feedback/links/${token}`, { rating: 1 }, NO_KEY);
    expect(again.status).toBe(409);
    const after = (
      await app.get<{ rating: number; count: number }>('/api/v1/feedback/technicians/t-near/rating')
    ).body;
    // Bayesian: prior 4 weighing as 5 ratings, one 5 → (4·5 + 5) / 6
    expect(after.count).toBe(1);
    expect(after.rating).toBeCloseTo(25 / 6, 9);

    // pay statement: labour at 60/h, travel at 30/h and 0.5/km
    const from = date(Date.now() - DAY);
    const to = date(Date.now() + 2 * DAY);
    const pay = await app.get<{
      lines: Array<{ orderId: string; total: number }>;
      totals: Array<{ total: number }>;
    }>(`/api/v1/technicians/t-near/pay?from=${from}&to=${to}`);
    expect(pay.status).toBe(200);
    expect(pay.body.lines.map((l) => l.orderId)).toEqual([order.id]);
    expect(pay.body.totals[0].total).toBeCloseTo(90 + 10 + 6, 9);
    const csv = await app.get(`/api/v1/technicians/t-near/pay?from=${from}&to=${to}&format=csv`);
    expect(csv.text.split('\n')[1]).toContain(order.id);
  }, 120_000);

  it('says why nobody can take an order once the only certified technicians lose their certification', async () => {
    // the certification job run after the certificates expired suspends both certified technicians
    const jobs = app.app.get(JobRunner);
    const later = Date.now() + 62 * DAY;
    const result = (await jobs.runNow('technicians.certifications', later)) as { suspended: number };
    expect(result.suspended).toBe(2);
    const near = (await app.get<Technician>('/api/v1/technicians/t-near')).body;
    expect(near.status).toBe('suspended');

    const unassignable = nextEvent(app.app, 'dispatch.unassignable');
    const opened = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'dev-2',
      kind: 'customer-request',
      description: 'toner smudges',
      requestedBy: 'customer:alder',
    });
    expect(opened.status).toBe(201);
    const u = await unassignable;
    const reasons = Object.fromEntries(u.rejected.map((r) => [r.technicianId, r.reasons.map((x) => x.code)]));
    expect(reasons).toEqual({
      't-gas': ['certification-missing'],
      't-hvac': ['no-skill', 'certification-missing'],
    });
    expect((await app.get<WorkOrder>(`/api/v1/work-orders/${opened.body.id}`)).body.status).toBe('new');
    waiting = opened.body.id;
  }, 120_000);

  it('re-plans the day when urgent work arrives: the planned installation moves to the next day', async () => {
    // the only technician who can take work now: one job a day
    const zone = earlyMorningZone();
    await hire(
      app,
      aTechnician('t-solo', {
        maxJobsPerDay: 1,
        workingHours: {
          timeZone: zone,
          shifts: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' })),
        },
      }),
    );
    const first = nextEvent(app.app, 'dispatch.assigned');
    const install = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'dev-3',
      kind: 'installation',
      description: 'a finisher',
      requestedBy: 'sales:bo',
    });
    expect(install.status).toBe(201);
    const today = (await first).proposal.day;

    const moved = nextEvent(app.app, 'dispatch.assigned', (e) => e.mode === 'redispatched');
    const urgent = nextEvent(app.app, 'dispatch.assigned', (e) => e.mode === 'auto');
    const request = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'dev-4',
      kind: 'customer-request',
      description: 'machine is down, nothing prints',
      requestedBy: 'customer:alder',
    });
    expect(request.status).toBe(201);
    const u = await urgent;
    expect(u).toMatchObject({ orderId: request.body.id, technicianId: 't-solo' });
    expect(u.proposal.day).toBe(today);
    expect(u.proposal.bumps).toEqual([install.body.id]);
    const m = await moved;
    expect(m).toMatchObject({ orderId: install.body.id, technicianId: 't-solo' });
    expect(m.proposal.day > today).toBe(true);

    const stops = async (day: string): Promise<string[]> =>
      (
        await app.get<{ stops: Array<{ orderId: string }> }>(
          `/api/v1/dispatch/technicians/t-solo/days/${day}`,
        )
      ).body.stops.map((x) => x.orderId);
    expect(await stops(today)).toEqual([request.body.id]);
    expect(await stops(m.proposal.day)).toEqual([install.body.id]);
    const order = (await app.get<WorkOrder>(`/api/v1/work-orders/${install.body.id}`)).body;
    expect(order).toMatchObject({
      status: 'assigned',
      assignee: 't-solo',
      scheduledStart: m.proposal.arrival,
    });
  }, 120_000);

  it('proposes without assigning, and lets a dispatcher give the order to a technician who passes the hard rules', async () => {
    // field work: an operator dispatches, a viewer may not
    const dispatcher = app.as('operator');
    expect((await app.as('viewer').request('POST', `/api/v1/dispatch/orders/${waiting}`, {})).status).toBe(
      403,
    );
    const proposed = await dispatcher.request<DispatchDecisionView>(
      'POST',
      `/api/v1/dispatch/orders/${waiting}`,
      {
        assign: false,
      },
    );
    expect(proposed.status).toBe(200);
    expect(proposed.body.outcome).toBe('proposed');
    expect(proposed.body.proposals.map((p) => p.technicianId)).toEqual(['t-solo']);
    expect((await app.get<WorkOrder>(`/api/v1/work-orders/${waiting}`)).body.status).toBe('new');

    const refused = await dispatcher.request<{ message: string }>(
      'POST',
      `/api/v1/dispatch/orders/${waiting}/accept`,
      {
        technicianId: 't-gas',
        actor: 'dispatcher:ann',
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/mfp-c300/);

    const accepted = nextEvent(app.app, 'dispatch.assigned', (e) => e.orderId === waiting);
    const ok = await dispatcher.request<DispatchDecisionView>(
      'POST',
      `/api/v1/dispatch/orders/${waiting}/accept`,
      {
        technicianId: 't-solo',
        actor: 'dispatcher:ann',
      },
    );
    expect(ok.status).toBe(200);
    expect((await accepted).mode).toBe('accepted');
    const order = (await app.get<WorkOrder>(`/api/v1/work-orders/${waiting}`)).body;
    expect(order).toMatchObject({
      status: 'assigned',
      assignee: 't-solo',
      scheduledStart: ok.body.proposals[0].arrival,
    });
  }, 120_000);
});
