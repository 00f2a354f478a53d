import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/cardModels';
import { CardPrompt } from '../../dialogs/cardPrompt';

const card: AdaptiveCardJson = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'Input.Text', id: 'city', label: 'City' }],
  actions: [{ type: 'Action.Submit', title: 'Next', data: { promptId: 'city:1', action: 'next' } }],
};

function client() {
  const prompt = new CardPrompt(
    'cityPrompt',
    z.looseObject({ city: z.string().min(1) }),
    ({ values }) => ({ title: 'City given', facts: [{ title: 'City', value: values.city }] }),
    async (_context, promptId, view) => ({ ...card, promptId, view }) as unknown as AdaptiveCardJson,
    ['next'],
  );
  return new DialogTestClient('emulator', prompt, { promptId: 'city:1', view: { hint: 'a view' } });
}

describe('the card prompt', () => {
  it('sends its card and returns the button and the parsed inputs of a submit that answers it', async () => {
    const test = client();
    const first = await test.sendActivity('start');
    expect(first.attachments[0].content).toEqual({ ...card, promptId: 'city:1', view: { hint: 'a view' } });
    await test.sendActivity({ value: { promptId: 'city:1', action: 'next', city: 'Delft' } });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(test.dialogTurnResult.result).toEqual({
      action: 'next',
      values: { promptId: 'city:1', action: 'next', city: 'Delft' },
    });
  });

  it('answers a submit of another card politely, keeps waiting and sends nothing else', async () => {
    const test = client();
    await test.sendActivity('start');
    const reply = await test.sendActivity({ value: { promptId: 'city:0', action: 'next', city: 'Delft' } });
    expect(reply.text).toMatch(/no longer active, so nothing changed/);
    expect(test.getNextReply()).toBeUndefined();
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('answers typed text with a hint and the card again', async () => {
    const test = client();
    await test.sendActivity('start');
    const hint = await test.sendActivity('Delft');
    expect(hint.text).toMatch(/waiting for your answer/);
    expect(test.getNextReply()?.attachments?.[0]?.content).toMatchObject({
      promptId: 'city:1',
      view: { hint: 'a view' },
    });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('answers a submit it cannot read with the card again, and keeps waiting', async () => {
    const test = client();
    await test.sendActivity('start');
    const reply = await test.sendActivity({ value: { promptId: 'city:1', action: 'next', city: 42 } });
    expect(reply.text).toMatch(/could not read/);
    expect(test.getNextReply()?.attachments?.[0]?.content).toMatchObject({ promptId: 'city:1' });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('refuses a submit naming an action its card does not have, and keeps waiting', async () => {
    const test = client();
    await test.sendActivity('start');
    const reply = await test.sendActivity({ value: { promptId: 'city:1', action: 'delete', city: 'Delft' } });
    expect(reply.text).toMatch(/could not read/);
    expect(test.getNextReply()?.attachments?.[0]?.content).toMatchObject({ promptId: 'city:1' });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('ignores activities that are not messages', async () => {
    const test = client();
    await test.sendActivity('start');
    await test.sendActivity({ type: 'typing' });
    expect(test.getNextReply()).toBeUndefined();
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
