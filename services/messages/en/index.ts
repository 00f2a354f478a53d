import { account } from './account';
import { bot } from './bot';
import { cards } from './cards';
import { common } from './common';
import { conversation } from './conversation';
import { customers } from './customers';
import { order } from './order';

export const en = {
  ...common,
  ...account,
  ...customers,
  ...order,
  ...conversation,
  ...bot,
  ...cards,
} as const;
