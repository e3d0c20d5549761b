/**
 * How many GraphQL requests the agency subgraphs have answered so far: the sum of every subgraph's
 * `graphql_requests_total` on its `/metrics` (beside `/graphql`).
 */
export async function countSubgraphRequests(subgraphUrls: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    subgraphUrls.map(async (url) => {
      const text = await (await fetch(new URL('/metrics', url))).text();
      let total = 0;
      for (const line of text.split('\n')) {
        if (line.startsWith('graphql_requests_total{'))
          total += Number(line.slice(line.lastIndexOf('} ') + 2).split(' ')[0]);
      }
      return total;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
