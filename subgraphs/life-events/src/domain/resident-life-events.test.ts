import { describe, expect, it } from 'vitest';
import { LifeEventKind } from './life-event-kind.js';
import { activeLifeEventKinds, type LifeEventDeclaration } from './resident-life-events.js';

const today = '2026-06-15';
/** Someone nowhere near 65 on `today`, so each test is about its own declarations only. */
const notNear65 = '1985-01-10';

const turning65On = (birthDate: string, on = today) =>
  activeLifeEventKinds(birthDate, [], on).includes(LifeEventKind.TURNING_65);

const child = (eventDate: string, declaredOn = eventDate): LifeEventDeclaration => ({
  kind: LifeEventKind.HAVING_A_CHILD,
  eventDate,
  declaredOn,
});
const move = (eventDate: string, declaredOn = '2026-06-01'): LifeEventDeclaration => ({
  kind: LifeEventKind.MOVING,
  eventDate,
  declaredOn,
});

describe('TURNING_65: the 65th birthday is within the next 12 months or the past 6', () => {
  it('is active when the 65th birthday is exactly 12 months ahead, and not a day before that', () => {
    expect(turning65On('1962-06-15')).toBe(true); // turns 65 on 2027-06-15
    expect(turning65On('1962-06-16')).toBe(false);
  });

  it('is active when the 65th birthday was exactly 6 months ago, and not a day after that', () => {
    expect(turning65On('1960-12-15')).toBe(true); // turned 65 on 2025-12-15
    expect(turning65On('1960-12-14')).toBe(false);
  });

  it('is active on the 65th birthday itself', () => {
    expect(turning65On('1961-06-15')).toBe(true);
  });

  it('is not active for someone decades away from 65, or long past it', () => {
    expect(turning65On('1990-03-02')).toBe(false);
    expect(turning65On('1940-01-20')).toBe(false);
  });

  it('follows the day it is asked: nothing about it is stored', () => {
    expect(turning65On('1962-06-16', '2026-06-15')).toBe(false);
    expect(turning65On('1962-06-16', '2026-06-16')).toBe(true);
    expect(turning65On('1962-06-16', '2027-12-16')).toBe(true);
    expect(turning65On('1962-06-16', '2027-12-17')).toBe(false);
  });

  it('gives the personas’ birthdays their scenario (Ava, Walter ahead; Rosa just past)', () => {
    expect(turning65On('1961-08-15')).toBe(true); // Ava: 65 on 2026-08-15
    expect(turning65On('1961-07-20')).toBe(true); // Walter: 65 on 2026-07-20
    expect(turning65On('1961-05-10')).toBe(true); // Rosa: 65 on 2026-05-10
  });
});

describe('declared life events', () => {
  it('counts HAVING_A_CHILD from the child’s birth until their first birthday', () => {
    expect(activeLifeEventKinds(notNear65, [child('2026-06-03')], today)).toEqual([
      LifeEventKind.HAVING_A_CHILD,
    ]);
    expect(activeLifeEventKinds(notNear65, [child('2025-06-16')], today)).toEqual([
      LifeEventKind.HAVING_A_CHILD,
    ]);
    expect(activeLifeEventKinds(notNear65, [child('2025-06-15')], today)).toEqual([]);
  });

  it('does not start HAVING_A_CHILD before the child is due, though the resident told us', () => {
    expect(activeLifeEventKinds(notNear65, [child('2026-09-01', '2026-05-01')], today)).toEqual([]);
    expect(
      activeLifeEventKinds(notNear65, [child('2026-09-01', '2026-05-01')], '2026-09-01'),
    ).toEqual([LifeEventKind.HAVING_A_CHILD]);
  });

  it('counts MOVING from 3 months before the move until 12 months after', () => {
    expect(activeLifeEventKinds(notNear65, [move('2026-09-15')], today)).toEqual([
      LifeEventKind.MOVING,
    ]);
    expect(activeLifeEventKinds(notNear65, [move('2026-09-16')], today)).toEqual([]);
    expect(activeLifeEventKinds(notNear65, [move('2025-06-16')], today)).toEqual([
      LifeEventKind.MOVING,
    ]);
    expect(activeLifeEventKinds(notNear65, [move('2025-06-15')], today)).toEqual([]);
  });

  it('lists several at once in catalog order, whatever order they were declared in', () => {
    expect(
      activeLifeEventKinds('1961-08-15', [move('2026-07-01'), child('2026-03-01')], today),
    ).toEqual([LifeEventKind.TURNING_65, LifeEventKind.HAVING_A_CHILD, LifeEventKind.MOVING]);
  });

  it('counts LEAVING_MILITARY from 180 days before separation until a year after', () => {
    const leaving = (eventDate: string): LifeEventDeclaration => ({
      kind: LifeEventKind.LEAVING_MILITARY,
      eventDate,
      declaredOn: '2026-01-01',
    });
    expect(activeLifeEventKinds(notNear65, [leaving('2026-12-12')], today)).toEqual([
      LifeEventKind.LEAVING_MILITARY,
    ]);
    expect(activeLifeEventKinds(notNear65, [leaving('2026-12-13')], today)).toEqual([]);
    expect(activeLifeEventKinds(notNear65, [leaving('2025-06-15')], today)).toEqual([
      LifeEventKind.LEAVING_MILITARY,
    ]);
    expect(activeLifeEventKinds(notNear65, [leaving('2025-06-14')], today)).toEqual([]);
  });

  it('lists nothing for a resident with no declarations who is nowhere near 65', () => {
    expect(activeLifeEventKinds(notNear65, [], today)).toEqual([]);
  });
});
