import { describe, expect, it } from 'vitest';
import { matchRoute } from '../src/router';
import { Api, ApiError, toApiError } from '../src/api/client';

describe('routes', () => {
  it('maps the stable URLs of issue 8 to pages', () => {
    expect(matchRoute('/operate', '').name).toBe('dashboard');
    expect(matchRoute('/operate/', '?search=order-1').query.get('search')).toBe('order-1');
    const processes = matchRoute('/operate/processes', '?bpmnProcessId=order&version=2');
    expect([processes.name, processes.query.get('bpmnProcessId'), processes.query.get('version')]).toEqual(['processes', 'order', '2']);
    expect(matchRoute('/operate/processes/2251799813685249', '')).toMatchObject({ name: 'instance', params: { key: '2251799813685249' } });
    expect(matchRoute('/operate/incidents', '').name).toBe('incidents');
    expect(matchRoute('/operate/decisions', '').name).toBe('decisions');
    expect(matchRoute('/modeler', '?processDefinitionKey=1').name).toBe('modeler');
    expect(matchRoute('/operate/processes/not-a-key', '').name).toBe('dashboard');
  });
});

describe('REST client', () => {
  it('sends searches as POST with the 8.9 query shape and reads problems', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (url.endsWith('/process-instances/search')) {
        return new Response(JSON.stringify({ items: [], page: { totalItems: 0 } }), { status: 200 });
      }
      return new Response(JSON.stringify({ title: 'UNIMPLEMENTED', detail: 'The endpoint is not implemented', status: 501 }), { status: 501 });
    }) as unknown as typeof fetch;
    const api = new Api('/v2', fetchFn);

    await api.processInstances({ filter: { businessId: 'order-1' }, page: { from: 20, limit: 20 } });
    expect(calls[0].url).toBe('/v2/process-instances/search');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ filter: { businessId: 'order-1' }, page: { from: 20, limit: 20 } });

    const error = await api.incidents({}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.title, error.unavailable]).toEqual([501, 'UNIMPLEMENTED', true]);

    await api.updateJobRetries('42', 1).catch(() => undefined);
    expect([calls[2].url, calls[2].init.method, JSON.parse(String(calls[2].init.body))]).toEqual(['/v2/jobs/42', 'PATCH', { changeset: { retries: 1 } }]);
  });

  it('keeps a non-JSON error body as the detail', () => {
    expect(toApiError(502, 'Bad Gateway', '/x').detail).toBe('Bad Gateway');
  });
});
