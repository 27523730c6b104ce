import * as publicFace from './index';

describe('@oms/reconciliation-domain public face', () => {
  it('exports the matching, policy, schedule, input and report functions', () => {
    const functions = Object.entries(publicFace).filter(([, value]) => typeof value === 'function').map(([name]) => name).sort();
    expect(functions).toEqual([
      'bankLineFromRecord', 'buildDailyReport', 'businessDateFor', 'businessDateReportedAt', 'discrepancyRate', 'exceedsTimeTolerance',
      'factsOf', 'firstReportRunDue', 'flowKeys', 'flowsFromFacts', 'formatShanghaiIso', 'inventoryLogFromFacts', 'inventoryLogsOf', 'isFactRecord', 'isOnBusinessDate', 'latestInstant', 'next09ReportRun', 'outcomeInstant', 'parseBankTime',
      'paymentFlowFromNotification', 'paymentFlowFromOrderPaid', 'reconcile', 'reconciliationConfig', 'recordedTime', 'refundFlowFromRefundResult',
      'remarkReferences', 'renderAnomalyCsv', 'renderAnomalyHtml', 'renderTotalsCsv', 'reportRunOf', 'requireBankTime', 'resultForBusinessDate',
      'settlementWindowPassed', 'shanghaiDayStart', 'summarizeReconciliation', 'timeGapBetween',
    ]);
  });

  it('states the policy and the rate definition as text for the reports', () => {
    expect(publicFace.PRECISION_POLICY_SUMMARY).toMatch(/smallest possible gap/);
    expect(publicFace.DISCREPANCY_RATE_DEFINITION).toMatch(/entries under review ÷ all entries/);
    expect(publicFace.REVIEW_CAUSES).toEqual(['MISSING_BANK_LINE', 'MISSING_PAYMENT', 'AMOUNT_MISMATCH', 'CURRENCY_MISMATCH', 'TIME_GAP']);
  });
});
