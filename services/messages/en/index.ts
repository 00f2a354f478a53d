import { account } from './account';
import { bot } from './bot';
import { common } from './common';
import { order } from './order';

export const en = { ...common, ...account, ...order, ...bot } as const;
