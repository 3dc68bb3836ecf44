// Render times of the dashboard and an instance page with N instances stored, in Chromium.
// ENGINE_URL=http://localhost:8080 ENGINE_USER=admin ENGINE_PASSWORD=... INSTANCES=10000 node e2e/perf.mjs
// Reports the median of 5 loads each: navigation start until the page's data is drawn.
import { chromium } from 'playwright-core';

const base = process.env.ENGINE_URL ?? 'http://localhost:8080';
const total = Number(process.env.INSTANCES ?? 10000);
const user = process.env.ENGINE_USER;
const credentials = user ? { username: user, password: process.env.ENGINE_PASSWORD ?? '' } : undefined;
const authorization = credentials
  ? 'Basic ' + Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')
  : undefined;
const anonymousFetch = globalThis.fetch;
const fetch = (url, init = {}) =>
  anonymousFetch(url, { ...init, headers: { ...(init.headers ?? {}), ...(authorization ? { Authorization: authorization } : {}) } });
const processId = `perf-${Date.now().toString(36)}`;
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${processId}" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" /><bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="p" bpmnElement="${processId}">
    <bpmndi:BPMNShape id="s1" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s2" bpmnElement="work"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="s3" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="e1" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="e2" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

async function post(path, body) {
  const r = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path} ${r.status} ${await r.text()}`);
  return r.json();
}

const form = new FormData();
form.append('resources', new Blob([xml]), `${processId}.bpmn`);
const deployed = await fetch(`${base}/v2/deployments`, { method: 'POST', body: form });
if (!deployed.ok) throw new Error(await deployed.text());

const started = Date.now();
let next = 0;
let lastKey;
await Promise.all(Array.from({ length: 32 }, async () => {
  while (next < total) {
    const i = next++;
    lastKey = (await post('/v2/process-instances', { processDefinitionId: processId, businessId: `perf-${i}`, variables: { i } })).processInstanceKey;
  }
}));
console.log(`created ${total} instances in ${Date.now() - started} ms`);
for (;;) {
  const found = await post('/v2/process-instances/search', { filter: { processDefinitionId: processId }, page: { limit: 1 } });
  if (found.page.totalItems >= total) break;
  await new Promise((r) => setTimeout(r, 500));
}
console.log(`searchable after ${Date.now() - started} ms`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage(credentials ? { httpCredentials: credentials } : {});
async function measure(url, ready) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector(ready, { timeout: 60_000 });
    if (i > 0) times.push(Date.now() - t0); // the first load fills the browser cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
const dashboard = await measure(`${base}/operate`, `tr[data-process="${processId}"] .running`);
const instance = await measure(`${base}/operate/processes/${lastKey}`, '#diagram[data-highlights="ready"]');
const processPage = await measure(`${base}/operate/processes?bpmnProcessId=${processId}`, '#instance-list tbody tr');
console.log(JSON.stringify({ instances: total, dashboardMedianMs: dashboard, instancePageMedianMs: instance, processPageMedianMs: processPage }));
await browser.close();
