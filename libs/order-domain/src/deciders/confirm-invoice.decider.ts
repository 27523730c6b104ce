import type { ConfirmInvoice } from '../commands/fulfilment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { requiredText } from '../decision/command-validation';
import { eventFor, reviewItem } from './order-event-factory';

/**
 * ConfirmInvoice: the third condition of "split only when paid + inventory reserved + invoice
 * confirmed". A second, different invoice number is an exception for a human, not a new fact.
 */
export const confirmInvoiceHandler: CommandHandler<ConfirmInvoice> = {
  validate(command) {
    const { invoiceNumber, invoiceTitle } = command.data;
    return requiredText({ invoiceNumber, invoiceTitle });
  },

  isDuplicate(command, state) {
    return state.invoice?.invoiceNumber === command.data.invoiceNumber;
  },

  decide(command, state) {
    const { invoiceNumber, invoiceTitle } = command.data;
    if (state.invoice) {
      const detail = `invoice ${invoiceNumber} confirmed while ${state.invoice.invoiceNumber} already was`;
      return [reviewItem(command, 'INVOICE_CONFLICT', invoiceNumber, detail)];
    }
    return [eventFor(command, 'InvoiceConfirmed', { invoiceNumber, invoiceTitle })];
  },
};
