import { z } from 'zod';
import type { DeployedResource, TemplateEvaluation } from './templateEvaluation';
import { valueAt } from './armValue';

/** The one resource of this type the template deploys; fails when there is none or several. */
export function theResource(evaluation: TemplateEvaluation, type: string): DeployedResource {
  const found = resourcesOfType(evaluation, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

export function resourcesOfType(evaluation: TemplateEvaluation, type: string): DeployedResource[] {
  return evaluation.resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

const appSettingsSchema = z.array(z.strictObject({ name: z.string().min(1), value: z.string() }));

/** The web app's app settings as the environment the bot process gets. */
export function appSettingsOf(webApp: DeployedResource): Record<string, string> {
  const settings = appSettingsSchema.parse(valueAt(webApp.body, 'properties.siteConfig.appSettings'));
  const names = settings.map(({ name }) => name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`app settings set twice: ${repeated.join(', ')}`);
  return Object.fromEntries(settings.map(({ name, value }) => [name, value]));
}
