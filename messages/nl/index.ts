import type { Catalogue } from '../catalogue';
import { account } from './account';
import { cards } from './cards';
import { common } from './common';
import { conversation } from './conversation';
import { customers } from './customers';
import { notifications } from './notifications';
import { order } from './order';
import { partnerCenter } from './partnerCenter';
import { creation } from './creation';

/** The Dutch catalogue: the Dutch parts, merged in the order of the English catalogue. */
export const nl: Catalogue = {
  ...common,
  ...account,
  ...customers,
  ...order,
  ...conversation,
  ...cards,
  ...notifications,
  ...partnerCenter,
  ...creation,
};
