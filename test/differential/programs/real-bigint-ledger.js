// A ledger in BigInt cents: deposits sent in, interest compounding, overflow-free totals,
// mixed-type errors caught as TypeError.
export const log = [];

/* @resumable */
export function* main(openingBalance) {
  let balance = BigInt(openingBalance) * 100n;
  const history = [];
  let total = 0n;
  for (let month = 1; month <= 6; month++) {
    const deposit = yield { month, balance: balance.toString() };
    try {
      const cents = typeof deposit === "bigint" ? deposit : BigInt(deposit ?? 0) * 100n;
      balance += cents;
      total += cents;
    } catch (e) {
      history.push(`${e.constructor.name} on ${String(deposit)}`);
    }
    balance += (balance * 5n) / 1000n;
    history.push(balance);
  }
  const big = 2n ** 70n + balance;
  try {
    balance + 1;
  } catch (e) {
    log.push(e.constructor.name);
  }
  log.push(history.map(String), big.toString(16), -(-total), typeof total);
  return [balance, total, BigInt.asUintN(16, big)];
}

export const create = () => main(1000);
export const sends = [undefined, 10, 2500n, "abc", null, 7, 1.5];
