import { account } from './account';
import { cards } from './cards';
import { common } from './common';
import { conversation } from './conversation';
import { customers } from './customers';
import { notifications } from './notifications';
import { order } from './order';
import { partnerCenter } from './partnerCenter';
import { creation } from './creation';

export const en = {
  ...common,
  ...account,
  ...customers,
  ...order,
  ...conversation,
  ...cards,
  ...notifications,
  ...partnerCenter,
  ...creation,
} as const;
