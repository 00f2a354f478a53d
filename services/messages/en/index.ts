import { account } from './account';
import { bot } from './bot';
import { common } from './common';
import { customers } from './customers';
import { order } from './order';

export const en = { ...common, ...account, ...customers, ...order, ...bot } as const;
