/** Transfers of membership (组织关系转接): the order of the steps and the receipt deadline of a letter. */
import type { RuleDef } from '../types';

export interface TransferReceiptParams {
  /** Validity of a letter when none is given, in days. */
  defaultValidityDays: number;
  /** Longest validity allowed, in days. */
  maxValidityDays: number;
}
export interface TransferSequenceParams {
  internal: string[];
  out: string[];
  in: string[];
}

const FROM = '2019-01-01';

export const TRANSFER_RULES: RuleDef<TransferReceiptParams | TransferSequenceParams>[] = [
  {
    id: 'transfer.sequence',
    version: 1,
    kind: 'transfer-sequence',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '转出支部发起、党委审核、转入支部确认后方转移组织关系', en: 'Sending branch initiates, committee approves, receiving branch confirms' },
    params: { internal: ['INITIATED', 'APPROVED', 'COMPLETED'], out: ['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'COMPLETED'], in: ['LETTER_RECEIVED', 'COMPLETED'] },
    citation: { document: '中国共产党党员组织关系介绍信使用管理办法', confirmed: false, note: '本校内部审批流程；未能对照原文核对条款' },
  },
  {
    id: 'transfer.receipt.overdue',
    version: 1,
    kind: 'transfer-receipt',
    appliesTo: 'MEMBER',
    effectiveFrom: FROM,
    title: { zh: '介绍信有效期内应收到回执', en: 'The receipt must arrive within the letter’s validity' },
    params: { defaultValidityDays: 90, maxValidityDays: 180 },
    citation: { document: '中国共产党党员组织关系介绍信使用管理办法', confirmed: false, note: '有效期由开具介绍信的党组织填写；默认90天为本系统设定' },
  },
];
