// Runs work over items with at most `concurrency` at a time; results in the items' order.
export async function pool(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A uniform random duration in [low, high] milliseconds.
export const between = ([low, high]) => low + Math.random() * (high - low);

// The promise's value, or undefined if it has not settled within `ms`.
export const within = (promise, ms) => Promise.race([promise, sleep(ms).then(() => undefined)]);
