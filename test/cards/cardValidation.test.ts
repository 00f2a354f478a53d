import { expectValidCard, validateAdaptiveCard } from '../harness/cardValidation';

const validCard = () => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Account info', wrap: true },
    { type: 'Input.Text', id: 'legalName', label: 'Company legal name' },
  ],
  actions: [{ type: 'Action.Submit', title: 'Next', data: { promptId: 'accountInfo:1', action: 'next' } }],
});

function problemsWith(change: (card: ReturnType<typeof validCard>) => void): string[] {
  const card = validCard();
  change(card);
  return validateAdaptiveCard(card);
}

describe('validateAdaptiveCard', () => {
  it('accepts a valid card', () => {
    expect(validateAdaptiveCard(validCard())).toEqual([]);
    expect(() => expectValidCard(validCard())).not.toThrow();
  });

  it('refuses a version above 1.5', () => {
    expect(problemsWith((card) => (card.version = '1.6'))).toEqual([
      expect.stringContaining('version 1.6 is above 1.5'),
    ]);
  });

  it('refuses an input without a label or without an id', () => {
    expect(problemsWith((card) => card.body.push({ type: 'Input.Text', id: 'city' } as never))).toEqual([
      expect.stringContaining('"city" without label'),
    ]);
    expect(problemsWith((card) => card.body.push({ type: 'Input.Text', label: 'City' } as never))).toEqual(
      expect.arrayContaining([expect.stringContaining('Input.Text without id')]),
    );
  });

  it('refuses duplicate input ids', () => {
    const problems = problemsWith((card) =>
      card.body.push({ type: 'Input.Text', id: 'legalName', label: 'Again' }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('"legalName" is used 2 times')]),
    );
  });

  it('refuses an expression left by templating', () => {
    const problems = problemsWith((card) =>
      card.body.push({ type: 'TextBlock', text: 'Hello ${x}', wrap: true }),
    );
    expect(problems).toEqual([expect.stringContaining('unresolved template expression is left: Hello ${x}')]);
  });

  it('refuses an empty TextBlock and one without text', () => {
    expect(problemsWith((card) => card.body.push({ type: 'TextBlock', text: ' ', wrap: true }))).toEqual([
      expect.stringContaining('TextBlock without text'),
    ]);
    expect(problemsWith((card) => card.body.push({ type: 'TextBlock' } as never))).toEqual([
      expect.stringContaining('TextBlock without text'),
    ]);
  });

  it('refuses an Image without url', () => {
    expect(problemsWith((card) => card.body.push({ type: 'Image' } as never))).toEqual([
      expect.stringContaining('Image without url'),
    ]);
  });

  it('refuses Action.Execute', () => {
    const problems = problemsWith((card) =>
      card.actions.push({ type: 'Action.Execute', title: 'Go', data: { promptId: 'p', action: 'next' } }),
    );
    expect(problems).toEqual([expect.stringContaining('Action.Execute is not supported')]);
  });

  it('refuses an Action.Submit without an action identity, and accepts a command', () => {
    expect(problemsWith((card) => (card.actions[0]!.data = { action: 'next' } as never))).toEqual([
      expect.stringContaining('needs promptId and action, or command'),
    ]);
    expect(problemsWith((card) => (card.actions[0]!.data = { command: 'addCustomer' } as never))).toEqual([]);
  });

  it('refuses a button without a title', () => {
    expect(problemsWith((card) => (card.actions[0]!.title = ''))).toEqual([
      expect.stringContaining('action without title'),
    ]);
  });

  it("reports the adaptivecards library's own findings", () => {
    expect(problemsWith((card) => card.body.push({ type: 'Carousel' } as never))).toEqual([
      expect.stringContaining('UnknownElementType'),
    ]);
    const requiredWithoutMessage = problemsWith((card) =>
      card.body.push({ type: 'Input.Text', id: 'city', label: 'City', isRequired: true } as never),
    );
    expect(requiredWithoutMessage).toEqual([expect.stringContaining('RequiredInputsShouldHaveErrorMessage')]);
    const emptyChoiceValue = problemsWith((card) =>
      card.body.push({
        type: 'Input.ChoiceSet',
        id: 'r',
        label: 'Reseller',
        choices: [{ title: 'None', value: '' }],
      } as never),
    );
    expect(emptyChoiceValue).toEqual([expect.stringContaining('must have their title and value')]);
  });

  it('reports several problems at once, and expectValidCard throws with all of them', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'TextBlock', text: '' },
        { type: 'Input.Text', id: 'a' },
        { type: 'TextBlock', text: '${x}' },
      ],
      actions: [{ type: 'Action.Execute', title: 'Go' }],
    };
    const problems = validateAdaptiveCard(card);
    expect(problems.length).toBeGreaterThanOrEqual(5);
    expect(() => expectValidCard(card)).toThrow(
      /version 1\.6[\s\S]*TextBlock without text[\s\S]*without label/,
    );
  });

  it('refuses what is not a card', () => {
    expect(validateAdaptiveCard('card')).toEqual(['The card is not a JSON object.']);
    expect(validateAdaptiveCard({ type: 'Card', body: [] })).toEqual(
      expect.arrayContaining([
        expect.stringContaining('type must be "AdaptiveCard"'),
        expect.stringContaining('version'),
      ]),
    );
  });
});
