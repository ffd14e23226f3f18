import { describe, expect, it } from 'vitest';
import { understand } from './helpers.ts';

describe('categories and problems', () => {
  it.each([
    ['酒店房间很脏，马桶都是黄的', 'accommodation', 'room_dirty'],
    ['jd没有热水', 'accommodation', 'no_hot_water'],
    ['大巴在高速上抛锚了', 'transport', 'breakdown'],
    ['行程被改了也没通知我们', 'itinerary', 'itinerary_changed'],
    ['一天进了四个购物店', 'shopping', 'extra_shopping_stop'],
    ['到游态度恶劣，还骂人', 'guide', 'guide_rude'],
    ['菜里吃出了虫子🤮', 'meals', 'meal_hygiene'],
    ['zf项目没经过我们同意就加了', 'charges', 'unsigned_extras'],
    ['出发前一天才通知团取消了', 'booking', 'departure_cancelled'],
    ['my wallet was stolen at the night market', 'safety', 'theft'],
    ['地接一直打电话骚扰我', 'privacy', 'harassment'],
    ['The guide was rude and rolled her eyes at us', 'guide', 'guide_rude'],
    ['the hotle room was dirty', 'accommodation', 'room_dirty'],
  ])('%s → %s / %s', async (text, category, problem) => {
    const u = await understand(text);
    expect(u.category).toBe(category);
    expect(u.problems).toContain(problem);
  });

  it('keeps secondary categories apart from the primary', async () => {
    const u = await understand('我妈在景区摔倒骨折了，导游不管，让我们自己想办法');
    expect(u.category).toBe('safety');
    expect(u.also).toContain('guide');
    expect(u.also).not.toContain('safety');
  });

  it('falls back to other, and names a pure suggestion', async () => {
    expect((await understand('我的订单号是 20261120123456，麻烦帮我查一下')).category).toBe('other');
    const u = await understand('建议以后多推出一些适合带小孩的线路');
    expect(u).toMatchObject({ category: 'other', problems: ['suggestion'], severity: 'low' });
  });
});

describe('intent', () => {
  it.each([
    ['酒店太脏了', 'complaint'],
    ['你好，在吗？', 'greeting'],
    ['Hi, anyone there?', 'greeting'],
    ['谢谢你们的帮助', 'thanks'],
    ['唔該晒', 'thanks'],
    ['thanks!', 'thanks'],
    ['对', 'affirm'],
    ['是的，没错', 'affirm'],
    ['yes', 'affirm'],
    ['不对，是11月20号', 'deny'],
    ['no', 'deny'],
    ['唔係', 'deny'],
    ['转人工', 'unknown'],
    ['明天几点集合？', 'unknown'],
  ])('%s → %s', async (text, intent) => {
    expect((await understand(text)).intent).toBe(intent);
  });
});
