/**
 * Every operation in GitHub's description routes to itself and its schemas compile,
 * so the fake never crashes on a documented request.
 */
import { checkConformance } from '../support/fake-github/conformance.js';
import { openApiDocument } from '../support/fake-github/openapi.js';

it('routes every documented operation to its own template and validates it without internal errors', () => {
  const doc = openApiDocument();
  const problems: string[] = [];
  let operations = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (!(method in item)) continue;
      operations++;
      const path = template.replace(/\{[^}]+\}/g, '1');
      const result = checkConformance({ method: method.toUpperCase(), path, query: {}, body: {} });
      if (result.match?.operation.template !== template) problems.push(`${method} ${template} routed to ${result.match?.operation.template}`);
      for (const reason of result.reasons) if (reason.startsWith('conformance check failed')) problems.push(`${method} ${template}: ${reason}`);
    }
  }
  expect(operations).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

it('treats OpenAPI `nullable` as allowing null', () => {
  // `milestone` on issue update is `oneOf: [string, integer]` with `nullable: true` and no `type`.
  const result = checkConformance({ method: 'PATCH', path: '/repos/o/r/issues/1', query: {}, body: { milestone: null, title: 'x' } });
  expect(result.reasons).toEqual([]);
  const wrong = checkConformance({ method: 'PATCH', path: '/repos/o/r/issues/1', query: {}, body: { title: 'x', state: 'gone' } });
  expect(wrong.rejection?.status).toBe(422);
});
