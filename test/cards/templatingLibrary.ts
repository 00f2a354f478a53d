import { Template } from 'adaptivecards-templating';
import { withoutNulls } from '../../cards/templateFiller';

/**
 * How cards were filled with adaptivecards-templating: the template expanded with the data as
 * `$root`, then every null left out. The filler in cards/ must give the same card.
 */
export function expandWithLibrary(template: unknown, data: unknown): unknown {
  return withoutNulls(new Template(template).expand({ $root: data }));
}
