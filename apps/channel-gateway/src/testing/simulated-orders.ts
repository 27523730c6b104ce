/**
 * The channel-neutral order the simulators turn into each channel's webhook: two lines, 275.00
 * CNY payable (2 × 128.00 − 15.00 + 39.00 − 5.00), a Hangzhou address.
 */
export function simulatedTeaOrder(channelOrderId: string, outTradeNo?: string) {
  return {
    channelOrderId,
    outTradeNo,
    lines: [{ sku: 'TEA-LJ-250G', title: '明前西湖龙井 250g 罐装', quantity: 2, unitPrice: 12_800, discount: 1_500 }, { sku: 'CUP-GLASS-01', title: '双层玻璃茶杯 300ml', quantity: 1, unitPrice: 3_900, discount: 500 }],
    shippingFee: 0,
    buyer: { id: 'oSim0000001', nickname: '茶友小王', name: '王小明', phone: '13800138000' },
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文一西路 588 号 3 幢 1202 室' },
    createdAtMs: Date.now() - 60_000,
  };
}

/** Its payable total in fen. */
export const SIMULATED_TEA_ORDER_TOTAL = 27_500;
