import { personaHandles, personaResidentId } from '@resident-graph/personas';
import type { TestSystem } from '@resident-graph/testing/system';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQuery, examples, startSystem } from './system.js';

interface Step {
  position: number;
  agency: string;
  task: { __typename: string; title: string; status: { code: string; label: string } };
}
interface JourneyAnswer {
  me: { journey: { active: boolean; steps: Step[] } };
}

describe('life-event journeys through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  for (const handle of personaHandles) {
    for (const { event, file } of examples) {
      it(`answers ${file} for ${handle} in one request, from every agency of the journey`, async () => {
        const token = await system.token(personaResidentId(handle));
        const result = await system.query<JourneyAnswer>(exampleQuery(file), { token });
        expect(result.errors).toBeUndefined();
        const steps = result.data!.me.journey.steps;
        expect(steps.map((s) => s.position)).toEqual(steps.map((_, i) => i + 1));
        expect(new Set(steps.map((s) => s.agency)).size).toBeGreaterThanOrEqual(3);
        for (const step of steps) {
          expect(step.task.title).toBeTruthy();
          expect(step.task.status.code).toMatch(/^[A-Z_]+$/);
          expect(step.task.status.label).toBeTruthy();
        }
        await expect(`${JSON.stringify(result.data, null, 2)}\n`).toMatchFileSnapshot(
          `answers/${handle}.${event}.json`,
        );
      });
    }
  }

  it('marks the journeys each persona is going through as active', async () => {
    const active = async (handle: (typeof personaHandles)[number]) => {
      const token = await system.token(personaResidentId(handle));
      const result = await system.query<{ me: { activeLifeEvents: string[] } }>(
        '{ me { activeLifeEvents } }',
        { token },
      );
      return result.data?.me.activeLifeEvents;
    };
    expect(await active('ava')).toEqual(['TURNING_65']);
    expect(await active('nora')).toEqual(['HAVING_A_CHILD']);
    expect(await active('marcus')).toEqual(['MOVING']);
    expect(await active('grace')).toEqual([]);
    expect(await active('dana')).toEqual(['LEAVING_MILITARY']);
  });

  it('serves the life-event catalog without sign-in', async () => {
    const result = await system.query<{ lifeEvents: { kind: string; agencies: string[] }[] }>(
      '{ lifeEvents { kind title agencies } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.lifeEvents.map((e) => e.kind)).toEqual([
      'TURNING_65',
      'HAVING_A_CHILD',
      'MOVING',
      'LEAVING_MILITARY',
    ]);
    for (const event of result.data!.lifeEvents)
      expect(event.agencies.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the README’s example answer for Ava turning 65, exactly', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(exampleQuery('turning-65.graphql').trim());
    const answerBlock =
      /<!-- example-answer:start -->\s*```json\n([\s\S]*?)```\s*<!-- example-answer:end -->/.exec(
        readme,
      );
    expect(answerBlock, 'README has an example answer block').not.toBeNull();
    const token = await system.token(personaResidentId('ava'));
    const result = await system.query(exampleQuery('turning-65.graphql'), { token });
    expect({ data: result.data }).toEqual(JSON.parse(answerBlock![1]!));
  });

  it('gives the README’s example answer for Dana leaving the military, exactly', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(exampleQuery('leaving-military.graphql').trim());
    const answerBlock =
      /<!-- leaving-military-answer:start -->\s*```json\n([\s\S]*?)```\s*<!-- leaving-military-answer:end -->/.exec(
        readme,
      );
    expect(answerBlock, 'README has the leaving-the-military answer block').not.toBeNull();
    const token = await system.token(personaResidentId('dana'));
    const result = await system.query(exampleQuery('leaving-military.graphql'), { token });
    expect({ data: result.data }).toEqual(JSON.parse(answerBlock![1]!));
  });
});
