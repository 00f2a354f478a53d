import { account } from './account';
import { cards } from './cards';
import { common } from './common';
import { conversation } from './conversation';
import { customers } from './customers';
import { notifications } from './notifications';
import { order } from './order';

export const en = {
  ...common,
  ...account,
  ...customers,
  ...order,
  ...conversation,
  ...cards,
  ...notifications,
} as const;
