/**
 * An account number masked except its last four characters, as the `BankStatementLine` contract
 * stores it (`**** **** 6021`): statements travel through Kafka and reports, full numbers do not.
 */
export function maskAccountNumber(accountNumber: string): string {
  const compact = accountNumber.replace(/[\s-]/g, '');
  return `**** **** ${compact.slice(-4)}`;
}
