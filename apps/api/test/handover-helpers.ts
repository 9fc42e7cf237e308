import type { CourseHandover, HandoverContent } from '@mentor/domain';
import type { TestApp } from './test-app';

/** The caseworker's pre-filled draft with the fields a sent packet needs filled in. */
export function completeContent(prefilled: HandoverContent): HandoverContent {
  return {
    ...prefilled,
    background: prefilled.background || 'Borgeren har været ledig i to år og ønsker at komme i praktik.',
    purpose: prefilled.purpose || 'Støtte til at komme i gang med et tilbud.',
    goals: prefilled.goals.length ? prefilled.goals : ['Møde stabilt op til aftaler'],
    knownBarriers: prefilled.knownBarriers || 'Usikker økonomi og dårlig søvn.',
    firstSteps: prefilled.firstSteps.length ? prefilled.firstSteps : ['Første møde på biblioteket'],
  };
}

/**
 * Hands a course over to its current mentor as a real caseworker and mentor do: the caseworker
 * saves the pre-filled packet (completed) and sends it, the mentor acknowledges it. After this the
 * mentor may log contacts on the course.
 */
export async function handOver(
  t: TestApp,
  courseId: string,
  caseworkerToken: string,
  mentorToken: string,
): Promise<CourseHandover> {
  const path = `/api/courses/${courseId}/handover`;
  const expectStatus = (what: string, response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status)
      throw new Error(`${what} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const read = await t.request<CourseHandover>('GET', path, { token: caseworkerToken });
  expectStatus('GET', read, 200);
  const current = read.body.current;
  if (!current) throw new Error(`${path}: the course has no mentor to hand over to`);
  const saved = await t.request<CourseHandover>('PUT', path, {
    token: caseworkerToken,
    json: { content: completeContent(current.content), version: current.version },
  });
  expectStatus('PUT', saved, 200);
  const sent = await t.request<CourseHandover>('POST', `${path}/send`, {
    token: caseworkerToken,
    json: { version: saved.body.current!.version },
  });
  expectStatus('POST send', sent, 200);
  const acknowledged = await t.request<CourseHandover>('POST', `${path}/acknowledge`, {
    token: mentorToken,
    json: { version: sent.body.current!.version },
  });
  expectStatus('POST acknowledge', acknowledged, 200);
  return acknowledged.body;
}
