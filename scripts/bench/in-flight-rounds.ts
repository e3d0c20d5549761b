/** One of the things a per-call benchmark compares (bench:fetch, bench:subgraph); the first is the baseline. */
export interface Subject {
  name: string;
}

/**
 * Measures every subject at every number in flight, `rounds` times, after one unmeasured pass of
 * each (so V8 has optimized every path), each round starting with the next subject in turn (so a
 * machine that gets busier or quieter affects them alike). Returns the medians, [subject][level].
 */
export async function measureInFlightRounds<S extends Subject>(
  subjects: readonly S[],
  levels: readonly number[],
  rounds: number,
  measure: (subject: S, inFlight: number) => Promise<number>,
): Promise<number[][]> {
  for (const subject of subjects) for (const inFlight of levels) await measure(subject, inFlight);
  const results = subjects.map(() => levels.map((): number[] => []));
  for (let round = 0; round < rounds; round++)
    for (let turn = 0; turn < subjects.length; turn++) {
      const index = (round + turn) % subjects.length;
      for (const [level, inFlight] of levels.entries())
        results[index]![level]!.push(await measure(subjects[index]!, inFlight));
    }
  return results.map((perLevel) => perLevel.map(median));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Prints the medians as a Markdown table, each with its ratio to the first subject's (the baseline). */
export function printInFlightTable(
  title: string,
  columns: { subject: string; unit: string; digits: number },
  subjects: readonly Subject[],
  levels: readonly number[],
  medians: number[][],
): void {
  console.log(`\n${title}\n`);
  console.log(
    `| ${columns.subject} | ${levels.map((l) => `${l} in flight: ${columns.unit}`).join(' | ')} |`,
  );
  console.log(`| --- | ${levels.map(() => '---').join(' | ')} |`);
  for (const [index, subject] of subjects.entries()) {
    const cells = levels.map((_, level) => {
      const value = medians[index]![level]!;
      return `${value.toFixed(columns.digits)} (${(value / medians[0]![level]!).toFixed(2)}×)`;
    });
    console.log(`| ${subject.name} | ${cells.join(' | ')} |`);
  }
}
