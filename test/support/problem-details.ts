import { HttpReply } from './http-app';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ index?: number; path: string; message: string }>;
}

/** Every error is RFC 9457 problem details with a code from API.md's table. */
export function expectProblem(reply: HttpReply, status: number, code: string): ProblemBody {
  const problem = reply.body as ProblemBody;
  expect({ status: reply.status, contentType: reply.headers.get('content-type'), type: problem?.type, problemStatus: problem?.status }).toEqual({
    status,
    contentType: expect.stringMatching(/^application\/problem\+json/),
    type: `urn:compliance-ledger:problem:${code}`,
    problemStatus: status,
  });
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

/** The (index, path) pairs of a problem's `errors`, in order, to compare as a whole. */
export function errorLocations(problem: ProblemBody): Array<{ index?: number; path: string }> {
  return (problem.errors ?? []).map(({ index, path }) => (index === undefined ? { path } : { index, path }));
}

/** The paths of a problem's `errors`, sorted, where their order and indexes are not the point. */
export function errorPaths(problem: ProblemBody): string[] {
  return (problem.errors ?? []).map(({ path }) => path).sort();
}

export function expectUnauthenticated(reply: HttpReply): void {
  expectProblem(reply, 401, 'unauthenticated');
  expect(reply.headers.get('www-authenticate')).toBe('Bearer');
}
