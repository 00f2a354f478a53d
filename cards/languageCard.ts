import type { Locale, Say } from '../messages/catalogue';
import type { AdaptiveCardJson } from './cardModels';
import { cardTemplate } from './fillTemplate';
import template from './templates/language.json';

const fill = cardTemplate(template);

export interface LanguageCardModel {
  /** Each language the bot speaks, named in itself ("English", "Nederlands"). */
  languages: readonly { locale: Locale; name: string }[];
}

/** The languages to talk in, the current one marked. Each button: `{ command: 'language', locale }`. */
export function languageCard(say: Say, model: LanguageCardModel): AdaptiveCardJson {
  const current = model.languages.find((language) => language.locale === say.locale);
  return fill({
    languages: model.languages.map((language) => ({
      locale: language.locale,
      title: language.name,
      current: language.locale === say.locale,
    })),
    t: {
      title: say('card.language.title'),
      text: say('card.language.text', { language: current?.name ?? say.locale }),
    },
  });
}
