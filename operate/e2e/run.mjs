// End-to-end: drives the UI in Debian's Chromium (playwright-core, no downloaded browser) against a
// running engine at ENGINE_URL. Started by the engine module's OperateBrowserTest inside
// `./mvnw verify`; runnable by hand too: ENGINE_URL=http://localhost:8080 npm run e2e
//
// Steps that need the REST v2 read side (search/get endpoints) run only when the engine answers
// them; they are reported as skipped, with the reason, otherwise — never as passed.
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';

const base = process.env.ENGINE_URL ?? 'http://localhost:8080';
// the engine authenticates every request (HTTP Basic); ENGINE_USER unset means an engine run with
// `--auth none`
const user = process.env.ENGINE_USER;
const authorization = user
  ? 'Basic ' + Buffer.from(`${user}:${process.env.ENGINE_PASSWORD ?? ''}`).toString('base64')
  : undefined;
const anonymousFetch = globalThis.fetch;
/** The script's own REST calls carry the credentials, as the logged-in browser's do. */
const fetch = (url, init = {}) =>
  anonymousFetch(url, { ...init, headers: { ...(init.headers ?? {}), ...(authorization ? { Authorization: authorization } : {}) } });
const shots = process.env.SCREENSHOT_DIR ?? 'target/screenshots';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
mkdirSync(shots, { recursive: true });
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install -y chromium (.ci/run does it)`);
  process.exit(2);
}

const results = [];
async function step(name, fn, { needsRead = false } = {}) {
  if (needsRead && !readApi) {
    results.push({ name, status: 'skipped', reason: 'the engine does not serve the REST v2 read API (search/get answered 501)' });
    console.log(`- ${name}: SKIPPED (no read API)`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed', ms: Date.now() - started });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, status: 'failed', error: String(e?.stack ?? e) });
    console.log(`✗ ${name}\n${e?.stack ?? e}`);
    await page.screenshot({ path: `${shots}/FAILED-${name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => {});
  }
}

async function rest(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls until `check` returns truthy (the read side is eventually consistent). */
async function eventually(check, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${message} (last: ${last?.message ?? JSON.stringify(last)})`);
}

async function shot(name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

// the engine may still be starting (recovery, read-model migration): wait for its topology first
for (let deadline = Date.now() + 60_000; ; ) {
  const up = await fetch(`${base}/v2/topology`).then((r) => r.ok).catch(() => false);
  if (up) break;
  if (Date.now() > deadline) {
    console.error(`No engine answers at ${base}`);
    process.exit(2);
  }
  await new Promise((r) => setTimeout(r, 250));
}
const readApi = await fetch(`${base}/v2/process-definitions/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  .then((r) => r.ok).catch(() => false);
console.log(`engine ${base}; read API ${readApi ? 'available' : 'NOT available'}`);

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
});
// the browser logs in with the engine's Basic challenge (its login dialog); Playwright answers it
const page = await browser.newPage({
  viewport: { width: 1400, height: 1000 },
  ...(user ? { httpCredentials: { username: user, password: process.env.ENGINE_PASSWORD ?? '' } } : {})
});
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

const runId = Date.now().toString(36);
const processId = `e2e-order-${runId}`;
// per run, so jobs of an earlier run against the same engine never mix in
const jobType = `e2e-work-${runId}`;
const state = {};

await step('without a login the UI and the API are refused', async () => {
  if (!user) throw new Error('ENGINE_USER is not set: this step needs an engine with authentication');
  const anonymous = await browser.newPage();
  try {
    // headless Chromium has no dialog to answer the challenge: the navigation fails for want of
    // credentials, and no page of the UI is shown
    const response = await anonymous.goto(`${base}/operate`).catch((e) => e);
    if (response instanceof Error) {
      expect(String(response).includes('ERR_INVALID_AUTH_CREDENTIALS'), `unexpected: ${response}`);
    } else {
      expect(response.status() === 401, `/operate answered ${response.status()} without a login`);
    }
    expect((await anonymous.locator('.topbar nav').count()) === 0, 'no UI without a login');
  } finally {
    await anonymous.close();
  }
  const ui = await anonymousFetch(`${base}/operate/`);
  expect(ui.status === 401, `/operate answered ${ui.status} without a login`);
  expect((ui.headers.get('www-authenticate') ?? '').startsWith('Basic'), 'a Basic challenge');
  const api = await anonymousFetch(`${base}/v2/process-definitions/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(api.status === 401, `/v2 answered ${api.status} without credentials`);
  const wrong = await anonymousFetch(`${base}/v2/topology`, { headers: { Authorization: 'Basic ' + Buffer.from(`${user}:wrong`).toString('base64') } });
  expect(wrong.status === 401, `/v2 answered ${wrong.status} to a wrong password`);
});

await step('the engine serves the UI at /operate and /modeler', async () => {
  const response = await page.goto(`${base}/operate`);
  expect(response.status() === 200, `status ${response.status()}`);
  await page.waitForSelector('.topbar nav');
  expect((await page.title()) === 'Order Hub Operate', 'title');
  await page.waitForSelector('.page-dashboard');
  await shot('01-dashboard-initial');
  await page.goto(`${base}/modeler`);
  await page.waitForSelector('.page-modeler #canvas .djs-container');
});

await step('modeler: a new diagram is edited in the properties panel and linted live', async () => {
  await page.goto(`${base}/modeler`);
  await page.waitForSelector('#lint-status[data-errors="0"]');
  await page.evaluate((id) => {
    const m = window.__modeler;
    m.get('modeling').updateProperties(m.get('canvas').getRootElement(), { id, name: 'E2E order' });
  }, processId);
  // the job type, through the Zeebe properties panel as an analyst would
  await page.evaluate(() => {
    const m = window.__modeler;
    m.get('selection').select(m.get('elementRegistry').get('Task_1'));
  });
  const group = page.locator('[data-group-id="group-taskDefinition"]');
  await group.waitFor();
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) {
    await group.locator('.bio-properties-panel-group-header').click();
  }
  const typeInput = page.locator('#bio-properties-panel-taskDefinitionType');
  await typeInput.fill(jobType);
  await typeInput.press('Tab');
  await page.waitForFunction((type) => {
    const bo = window.__modeler.get('elementRegistry').get('Task_1').businessObject;
    return bo.extensionElements?.values?.some((v) => v.$type === 'zeebe:TaskDefinition' && v.type === type);
  }, jobType);
  // something our engine cannot run: our own lint rule flags it on the element
  state.gatewayId = await page.evaluate(() => {
    const m = window.__modeler;
    const shape = m.get('elementFactory').createShape({ type: 'bpmn:ComplexGateway' });
    m.get('modeling').createShape(shape, { x: 300, y: 300 }, m.get('canvas').getRootElement());
    return shape.id;
  });
  await page.waitForSelector(`#lint-list li[data-rule="orderhub/no-unsupported-element"][data-element="${state.gatewayId}"]`);
  const errors = Number(await page.getAttribute('#lint-status', 'data-errors'));
  expect(errors >= 1, `lint errors ${errors}`);
  // @camunda/linting's marker on the canvas, next to the element
  await page.waitForSelector('.djs-overlay .cl-icon-error');
  await shot('02-modeler-lint-error-on-canvas');
});

await step('modeler: the engine\'s validation errors are shown per element on the canvas', async () => {
  await page.check('#deploy-anyway');
  await page.click('#deploy');
  await page.waitForSelector(`#deploy-errors li[data-element="${state.gatewayId}"]`);
  await page.waitForSelector(`.deploy-error-overlay[data-element="${state.gatewayId}"]`);
  await shot('03-modeler-engine-validation-per-element');
  await page.uncheck('#deploy-anyway');
});

await step('modeler: fixed, tagged v1 and deployed as version 1', async () => {
  await page.evaluate((id) => {
    const m = window.__modeler;
    m.get('modeling').removeElements([m.get('elementRegistry').get(id)]);
  }, state.gatewayId);
  await page.waitForSelector('#lint-status[data-errors="0"]');
  await page.fill('#version-tag', 'v1');
  await page.click('#deploy');
  await page.waitForSelector('#deploy-success[data-version="1"]');
  await shot('04-modeler-deployed-v1');
});

await step('instances run: three orders, one job fails into an incident', async () => {
  state.instances = [];
  for (let i = 1; i <= 3; i++) {
    const created = await rest('POST', '/v2/process-instances', { processDefinitionId: processId, businessId: `order-e2e-${i}`, variables: { amount: 10 * i } });
    expect(created.processDefinitionVersion === 1, `created on version ${created.processDefinitionVersion}`);
    state.instances.push(created.processInstanceKey);
  }
  const activated = await rest('POST', '/v2/jobs/activation', { type: jobType, worker: 'e2e', timeout: 60_000, maxJobsToActivate: 1 });
  expect(activated.jobs.length === 1, `activated ${activated.jobs.length}`);
  const job = activated.jobs[0];
  await rest('POST', `/v2/jobs/${job.jobKey}/failure`, { retries: 0, errorMessage: 'card declined (e2e)' });
  state.incidentInstance = job.processInstanceKey;
  state.others = state.instances.filter((k) => k !== job.processInstanceKey);
});

await step('dashboard: running and incident counts per version', async () => {
  await eventually(async () => {
    await page.goto(`${base}/operate`);
    const row = page.locator(`tr[data-process="${processId}"][data-version="1"]`);
    await row.waitFor({ timeout: 5000 });
    return (await row.locator('.running').textContent()) === '3' && (await row.locator('.incidents').textContent()) === '1';
  }, 'dashboard shows 3 running, 1 incident');
  await shot('05-dashboard-counts');
  await page.fill('#instance-search', 'order-e2e-2');
  await page.click('form.inline button[type=submit]');
  await page.waitForURL(/\/operate\/processes\/\d+$/);
  expect((await page.textContent('#business-id')) === 'order-e2e-2', 'business id shown');
}, { needsRead: true });

await step('process page: per-element overlays and the instance list', async () => {
  await eventually(async () => {
    await page.goto(`${base}/operate/processes?bpmnProcessId=${processId}&version=1`);
    await page.waitForSelector('#diagram[data-overlays="ready"]', { timeout: 5000 });
    const active = await page.locator('.overlay-badges[data-element="Task_1"] .badge[data-kind="active"]').textContent({ timeout: 1000 });
    const incidents = await page.locator('.overlay-badges[data-element="Task_1"] .badge[data-kind="incidents"]').textContent({ timeout: 1000 });
    return active === '2' && incidents === '1';
  }, 'Task_1 shows 2 active and 1 incident');
  expect((await page.locator('#instance-list tbody tr').count()) === 3, 'three instances listed');
  await shot('06-process-overlays');
}, { needsRead: true });

await step('instance page: the incident is shown, then retried away', async () => {
  await page.goto(`${base}/operate/processes/${state.incidentInstance}`);
  await page.waitForSelector('#incidents .incident');
  expect((await page.textContent('#incidents .incident')).includes('card declined (e2e)'), 'incident message shown');
  await page.waitForSelector('#diagram[data-highlights="ready"]');
  await shot('07-instance-incident');
  await page.click('#incidents .incident button.retry');
  await page.waitForSelector('#incidents .incident', { state: 'detached', timeout: 20_000 });
  await page.waitForSelector('#incidents >> text=No open incident');
  // the job is back: a worker can take it again
  const again = await rest('POST', '/v2/jobs/activation', { type: jobType, worker: 'e2e', timeout: 1000, maxJobsToActivate: 5 });
  expect(again.jobs.some((j) => j.processInstanceKey === state.incidentInstance), 'retried job activatable');
  await shot('08-instance-incident-retried');
}, { needsRead: true });

await step('instance page: a variable is edited', async () => {
  await page.goto(`${base}/operate/processes/${state.others[0]}`);
  const row = page.locator('tr[data-variable="amount"]');
  await row.waitFor();
  await row.locator('button.edit').click();
  await row.locator('textarea.edit-value').fill('4242');
  await row.locator('button.save').click();
  await eventually(async () => (await page.locator('tr[data-variable="amount"] td.value code').textContent({ timeout: 1000 })) === '4242', 'edited value shown');
  await shot('09-instance-variable-edited');
}, { needsRead: true });

await step('instance page: an instance is cancelled', async () => {
  await page.goto(`${base}/operate/processes/${state.others[1]}`);
  await page.click('#cancel-instance');
  await page.click('#confirm-cancel');
  await eventually(async () => (await page.textContent('#instance-state', { timeout: 1000 })) === 'TERMINATED', 'state TERMINATED');
  await shot('10-instance-cancelled');
}, { needsRead: true });

await step('modeler: the model is edited (name via properties panel, one task added) and deployed as v2', async () => {
  if (readApi) {
    // open the deployed version, as an analyst would
    const v1 = (await rest('POST', '/v2/process-definitions/search', { filter: { processDefinitionId: processId } })).items[0];
    await page.goto(`${base}/modeler?processDefinitionKey=${v1.processDefinitionKey}`);
  }
  // without the XML endpoint the diagram deployed as v1 is still open in the modeler: edit on
  await page.waitForSelector('#lint-status[data-errors="0"]');
  await page.evaluate(() => {
    const m = window.__modeler;
    m.get('selection').select(m.get('elementRegistry').get('Task_1'));
  });
  const general = page.locator('[data-group-id="group-general"]');
  if (!(await general.locator('.bio-properties-panel-group-entries.open').count())) {
    await general.locator('.bio-properties-panel-group-header').click();
  }
  const name = page.locator('#bio-properties-panel-name');
  await name.fill('Charge card');
  await name.press('Tab');
  await page.evaluate(() => {
    const m = window.__modeler;
    const shape = m.get('elementFactory').createShape({ type: 'bpmn:Task' });
    m.get('modeling').createShape(shape, { x: 300, y: 320 }, m.get('canvas').getRootElement());
  });
  if (readApi) {
    await page.waitForSelector('#diff .diff-changed');
    await page.waitForSelector('#diff .diff-added');
  }
  await page.fill('#version-tag', 'v2');
  await shot('11-modeler-edited-v2');
  await page.click('#deploy');
  await page.waitForSelector('#deploy-success[data-version="2"]');
  await shot('12-modeler-deployed-v2');
  const created = await rest('POST', '/v2/process-instances', { processDefinitionId: processId });
  expect(created.processDefinitionVersion === 2, `new instances start on v${created.processDefinitionVersion}`);
  state.v2Key = created.processDefinitionKey;
});

await step('instance page: an instance is migrated to v2 after a dry run', async () => {
  await page.goto(`${base}/operate/processes/${state.others[0]}`);
  await page.click('#migrate-instance');
  await page.waitForSelector('#dry-run .success');
  await shot('13-instance-migration-dry-run');
  await page.click('#confirm-migrate');
  await eventually(async () => (await page.textContent('#instance-header', { timeout: 1000 })).includes(' v2'), 'instance on v2');
  await shot('14-instance-migrated');
}, { needsRead: true });

await step('incidents page: open incidents grouped, retried in bulk', async () => {
  const activated = await rest('POST', '/v2/jobs/activation', { type: jobType, worker: 'e2e', timeout: 60_000, maxJobsToActivate: 10 });
  expect(activated.jobs.length >= 1, 'a job to fail');
  for (const job of activated.jobs) {
    await rest('POST', `/v2/jobs/${job.jobKey}/failure`, { retries: 0, errorMessage: 'warehouse offline (e2e)' });
  }
  await eventually(async () => {
    await page.goto(`${base}/operate/incidents`);
    await page.waitForSelector('.page-incidents h1');
    return (await page.locator('.incident-group tr[data-incident]').count()) === activated.jobs.length;
  }, `${activated.jobs.length} incident(s) listed`);
  await shot('15-incidents-grouped');
  while (await page.locator('.incident-group button.retry-group').count()) {
    await page.locator('.incident-group button.retry-group').first().click();
    // a quick retry may refresh the group away before its success line is seen
    await page.waitForSelector('.incident-group .success, .incident-group .error, #no-incidents', { timeout: 20_000 });
    const failure = await page.locator('.incident-group .error').count();
    expect(failure === 0, `bulk retry failed: ${await page.locator('.incident-group .error').first().textContent().catch(() => '')}`);
    await page.waitForFunction(() => !document.querySelector('.incident-group .success') || document.querySelector('#no-incidents'), null, { timeout: 25_000 });
  }
  await page.waitForSelector('#no-incidents');
  await shot('16-incidents-retried');
}, { needsRead: true });

await step('decisions page: a deployed decision drawn by dmn-js with its evaluation', async () => {
  const decisionId = `e2e_discount_${Date.now().toString(36)}`;
  const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d_${decisionId}" name="E2E" namespace="http://orderhub.io/e2e">
  <decision id="${decisionId}" name="E2E discount">
    <decisionTable id="t_${decisionId}" hitPolicy="FIRST">
      <input id="i1" label="Amount"><inputExpression id="ie1" typeRef="number"><text>amount</text></inputExpression></input>
      <output id="o1" label="Discount" name="discount" typeRef="number" />
      <rule id="r1"><inputEntry id="e1"><text>&gt;= 100</text></inputEntry><outputEntry id="oe1"><text>10</text></outputEntry></rule>
      <rule id="r2"><inputEntry id="e2"><text>-</text></inputEntry><outputEntry id="oe2"><text>0</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;
  const form = new FormData();
  form.append('resources', new Blob([dmn], { type: 'application/xml' }), `${decisionId}.dmn`);
  const deployed = await fetch(`${base}/v2/deployments`, { method: 'POST', body: form });
  expect(deployed.ok, `DMN deployment ${deployed.status}: ${await deployed.text()}`);
  const evaluated = await rest('POST', '/v2/decision-definitions/evaluation', { decisionDefinitionId: decisionId, variables: { amount: 150 } });
  const key = evaluated.decisionDefinitionKey;
  await eventually(async () => {
    await page.goto(`${base}/operate/decisions?decisionDefinitionKey=${key}`);
    await page.waitForSelector('#dmn .tjs-container, #dmn .dmn-decision-table-container', { timeout: 5000 });
    return (await page.locator('.page-decisions table tbody tr').count()) >= 1;
  }, 'decision table and one evaluation shown');
  await shot('17-decisions');
}, { needsRead: true });

await step('modeler: v3 deployed, then the migration plan moves every older instance with one batch each', async () => {
  const v2 = (await rest('POST', '/v2/process-definitions/search', { filter: { processDefinitionId: processId, version: 2 } })).items[0];
  await page.goto(`${base}/modeler?processDefinitionKey=${v2.processDefinitionKey}`);
  await page.waitForSelector('#lint-status[data-errors="0"]');
  await page.evaluate(() => {
    const m = window.__modeler;
    m.get('modeling').updateLabel(m.get('elementRegistry').get('Task_1'), 'Charge card (v3)');
  });
  await page.fill('#version-tag', 'v3');
  await page.click('#deploy');
  await page.waitForSelector('#deploy-success[data-version="3"]');
  await page.waitForSelector('#migration-plans .plan[data-version="1"]');
  await page.waitForSelector('#migration-plans .plan[data-version="2"]');
  await shot('18-modeler-migration-plan');
  for (const version of [1, 2]) {
    await page.click(`#migration-plans .plan[data-version="${version}"] button.migrate-all`);
    await page.waitForSelector(`#migration-plans .plan[data-version="${version}"] .batch-started`);
  }
  await eventually(async () => {
    const active = (await rest('POST', '/v2/process-instances/search', { filter: { processDefinitionId: processId, state: 'ACTIVE' }, page: { limit: 100 } })).items;
    return active.length > 0 && active.every((i) => i.processDefinitionVersion === 3);
  }, 'every running instance on v3', 30_000);
  await shot('19-modeler-migrated-all');
}, { needsRead: true });

await browser.close();
const failed = results.filter((r) => r.status === 'failed');
const skipped = results.filter((r) => r.status === 'skipped');
console.log(`\ne2e: ${results.length - failed.length - skipped.length} passed, ${failed.length} failed, ${skipped.length} skipped; screenshots in ${shots}`);
if (consoleErrors.length) console.log(`page errors:\n${consoleErrors.join('\n')}`);
process.exit(failed.length ? 1 : 0);
