// What a botbuilder user would build instead of tripcare, for the bench: the same nine-turn
// complaint (bench/complaint.ts) as a botbuilder-dialogs waterfall with prompts, on
// ConversationState and UserState, written the way the botbuilder docs teach (a ComponentDialog
// run from an ActivityHandler that saves both states after each turn). It sends as many replies to
// each turn as tripcare does. It keeps no case register, ledger or jobs: botbuilder has none, and
// the bench measures what a user gets from it, not what they would add.
//
// Plain JavaScript on purpose: tripcare type-checks bench/, and botbuilder-dialogs is not in
// tripcare's tree (only in this package's, installed with `npm ci --prefix bench/peer`).
import {
  ActivityHandler, BotAdapter, ConversationState, MessageFactory, TurnContext, UserState,
} from 'botbuilder';
import {
  ChoicePrompt, ComponentDialog, DateTimePrompt, DialogSet, DialogTurnStatus, ListStyle, NumberPrompt, TextPrompt, WaterfallDialog,
} from 'botbuilder-dialogs';

const LOCALE = 'en-us';
const TEXT = 'text';
const WHEN = 'when';
const NUMBER = 'number';
const CHOICE = 'choice';
const COMPLAINT = 'complaint';

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' });
const deadline = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai', timeZoneName: 'short' });

/** A choice shown as a button that sends its value back (imBack), as tripcare's choices do. */
const choice = (value, title) => ({ value, action: { type: 'imBack', title, value } });
const skip = ['I don\'t know'];

/**
 * A storage of a few lines on Redis (ioredis): MGET to read, SET to write, DEL to delete.
 * Like most hand-written stores it ignores eTags: the last write wins.
 */
export class RedisStorage {
  constructor(redis, prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  async read(keys) {
    if (keys.length === 0) return {};
    const values = await this.redis.mget(...keys.map((k) => this.prefix + k));
    const items = {};
    keys.forEach((key, i) => {
      const value = values[i];
      if (value !== null && value !== undefined) items[key] = JSON.parse(value);
    });
    return items;
  }

  async write(changes) {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.redis.set(this.prefix + key, JSON.stringify(item))));
  }

  async delete(keys) {
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }
}

/** The complaint, one waterfall step per traveller's turn. */
class ComplaintDialog extends ComponentDialog {
  constructor(userState) {
    super('ComplaintDialog');
    this.profile = userState.createProperty('TravellerProfile');
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new DateTimePrompt(WHEN, undefined, LOCALE));
    this.addDialog(new NumberPrompt(NUMBER, undefined, LOCALE));
    this.addDialog(new ChoicePrompt(CHOICE, undefined, LOCALE));
    this.addDialog(new WaterfallDialog(COMPLAINT, [
      this.tour.bind(this), this.when.bind(this), this.people.bind(this), this.wants.bind(this), this.restate.bind(this),
      this.apologise.bind(this), this.offer.bind(this), this.plan.bind(this), this.report.bind(this), this.survey.bind(this),
    ]));
    this.initialDialogId = COMPLAINT;
  }

  /** As the docs' samples do: continue the dialog under way, or begin one. */
  async run(turnContext, accessor) {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(turnContext);
    const results = await dialogContext.continueDialog();
    if (results.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  async tour(step) {
    step.values.telling = step.context.activity.text;
    return step.prompt(TEXT, { prompt: MessageFactory.suggestedActions(skip, 'Which tour or booking is this about? A tour code or order number helps us find it quickly.') });
  }

  async when(step) {
    step.values.tour = step.result;
    return step.prompt(WHEN, { prompt: MessageFactory.suggestedActions(skip, 'When did this happen?') });
  }

  async people(step) {
    step.values.when = step.result?.[0]?.value ?? 'not known';
    return step.prompt(NUMBER, { prompt: MessageFactory.suggestedActions(['Just me'], 'Who is affected — just you, or others as well? How many people?') });
  }

  async wants(step) {
    step.values.people = step.result;
    return step.prompt(CHOICE, {
      prompt: 'What would you like us to do about it?', style: ListStyle.suggestedAction,
      choices: [choice('wants:compensation', 'Refund or compensation'), choice('wants:fix', 'Put it right'), choice('wants:apology', 'Just let you know')],
    });
  }

  async restate(step) {
    step.values.wants = step.result.value;
    const v = step.values;
    const wants = { 'wants:compensation': 'Refund or compensation', 'wants:fix': 'Put it right', 'wants:apology': 'Just let you know' }[v.wants];
    return step.prompt(CHOICE, {
      prompt: `Let me make sure I have understood you correctly:\n• What happened: ${v.telling}\n• Tour or booking: ${v.tour}\n• When: ${v.when}\n• Affected: ${v.people} people\n• You would like: ${wants}\nIs that right?`,
      style: ListStyle.suggestedAction, choices: [choice('confirm', 'Yes, that\'s right'), choice('correct', 'No, let me correct it')],
    });
  }

  async apologise(step) {
    if (step.result.value !== 'confirm') {
      await step.context.sendActivity('Let us start again: please tell me what happened.');
      return step.endDialog();
    }
    await step.context.sendActivity(`I'm truly sorry about this: "${step.values.telling}". That is not the service you paid for, and not the standard we hold ourselves to.`);
    return step.prompt(NUMBER, { prompt: MessageFactory.suggestedActions(skip, 'What is the price difference between what you were promised and what you got, as far as you know?') });
  }

  async offer(step) {
    const difference = step.result;
    const total = difference * 2.2;
    step.values.total = total;
    return step.prompt(CHOICE, {
      prompt: `Under our policy, this is what we offer you:\n• The price difference back: ${money.format(difference)}\n• The same amount again, as a penalty: ${money.format(difference)}, and ${money.format(difference * 0.2)} more under our own standard\nIn total: ${money.format(total)}.\nA colleague checks the facts and approves this before it is final.`,
      style: ListStyle.suggestedAction, choices: [choice('offer:accept', 'Accept the offer'), choice('offer:refuse', 'It\'s not enough')],
    });
  }

  async plan(step) {
    step.values.accepted = step.result.value === 'offer:accept';
    const by = deadline.format(new Date(Date.now() + 24 * 3_600_000));
    return step.prompt(CHOICE, {
      prompt: `Here is the plan: you ${step.values.accepted ? 'accept' : 'refuse'} our offer of ${money.format(step.values.total)}.\nA colleague will check the facts and confirm the amount to you by ${by}.\nAre you satisfied with this?`,
      style: ListStyle.suggestedAction, choices: [choice('satisfied', 'Yes, I\'m satisfied'), choice('not_satisfied', 'No, I\'m not')],
    });
  }

  async report(step) {
    const caseNumber = `TC-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const profile = await this.profile.get(step.context, { cases: [] });
    profile.cases.push({ caseNumber, tour: step.values.tour, total: step.values.total, satisfied: step.result.value === 'satisfied' });
    await step.context.sendActivity('Thank you for telling us — it helps us do better for you and for other travellers.');
    await step.context.sendActivity(`Your case is recorded under number ${caseNumber}. Please quote it whenever you contact us.`);
    return step.prompt(CHOICE, {
      prompt: 'Could you spare a moment to tell us how we did? 1 is very poor, 5 is excellent.\nHow well did I, the assistant, handle your case?',
      style: ListStyle.suggestedAction,
      choices: ['Very poor', 'Poor', 'Fair', 'Good', 'Excellent'].map((label, i) => choice(`score:${i + 1}`, `${i + 1} – ${label}`)),
    });
  }

  async survey(step) {
    await step.context.sendActivity('Thank you!');
    return step.endDialog();
  }
}

/** The docs' DialogBot: runs the dialog on each message, then saves both states. */
class ComplaintBot extends ActivityHandler {
  constructor(conversationState, userState, dialog) {
    super();
    this.conversationState = conversationState;
    this.userState = userState;
    this.dialog = dialog;
    this.dialogState = conversationState.createProperty('DialogState');
    this.onMessage(async (context, next) => {
      await this.dialog.run(context, this.dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      await next();
    });
  }
}

/** The least adapter botbuilder allows: no network; sending a reply only counts it. */
class BenchAdapter extends BotAdapter {
  sent = 0;

  async sendActivities(_context, activities) {
    this.sent += activities.length;
    return activities.map((_, i) => ({ id: `${this.sent}-${i}` }));
  }

  async updateActivity() {
    throw new Error('the bench updates no activity');
  }

  async deleteActivity() {
    throw new Error('the bench deletes no activity');
  }

  async continueConversation() {
    throw new Error('the bench continues no conversation');
  }

  processActivity(activity, logic) {
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

/** The bot on `storage` (MemoryStorage or RedisStorage): `say` one traveller's message, `replies` sent so far. */
export function complaintBot(storage) {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const bot = new ComplaintBot(conversationState, userState, new ComplaintDialog(userState));
  const adapter = new BenchAdapter();
  return {
    replies: () => adapter.sent,
    say: (conversation, n, text) => adapter.processActivity({
      type: 'message', id: `${conversation}-${n}`, text, channelId: 'bench', locale: LOCALE, timestamp: new Date(),
      conversation: { id: conversation }, from: { id: conversation, role: 'user' }, recipient: { id: 'bot', role: 'bot' },
    }, (context) => bot.run(context)),
  };
}
