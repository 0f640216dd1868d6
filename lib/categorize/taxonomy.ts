/** The starter taxonomy (the first knowledge map a team gets) and helpers to walk and check a taxonomy. */
import type { Category } from './types';
import { foldText } from '../text/normalize';

function node(
  id: string,
  parentId: string | null,
  en: string,
  zh: string,
  aliases: string,
  keywordsEn: string,
  keywordsZh: string,
): Category {
  const list = (s: string) => s.split(/\s*[,，]\s*/).filter(Boolean);
  return { id, parentId, name: { en, zh }, aliases: list(aliases), keywords: [...list(keywordsEn), ...list(keywordsZh)] };
}

/** A small tree for knowledge workers: ~9 top-level areas, ~29 nodes, names and seed words in English and Chinese. */
export const STARTER_TAXONOMY: Category[] = [
  node('tech', null, 'Technology', '科技', 'Tech, Information Technology, 技术, 信息技术',
    'technology, software, hardware, computer, digital, internet, device, platform, gadget, app',
    '科技, 技术, 软件, 硬件, 计算机, 互联网, 数字化, 设备, 平台, 应用'),
  node('tech-software', 'tech', 'Software Development', '软件开发', 'Programming, Coding, Engineering, 编程, 程序设计, 开发',
    'programming, code, coding, developer, javascript, typescript, python, java, rust, golang, api, library, framework, function, compiler, debugging, testing, unit test, git, github, open source, refactoring, frontend, backend, npm, node.js, react, browser, html, css',
    '编程, 代码, 程序员, 开发者, 前端, 后端, 框架, 函数, 编译器, 调试, 测试, 开源, 重构, 接口, 源码, 软件工程'),
  node('tech-ai', 'tech', 'AI & Data', '人工智能与数据', 'AI, Artificial Intelligence, Machine Learning, Data Science, 人工智能, 机器学习, 数据科学, 大数据',
    'artificial intelligence, machine learning, deep learning, neural network, model, training, dataset, data science, analytics, llm, gpt, transformer, nlp, computer vision, algorithm, statistics, prediction, reinforcement learning',
    '人工智能, 机器学习, 深度学习, 神经网络, 模型, 训练, 数据集, 数据分析, 大模型, 算法, 统计, 预测, 自然语言处理, 计算机视觉, 智能'),
  node('tech-security', 'tech', 'Security', '信息安全', 'Cybersecurity, InfoSec, Privacy, 网络安全, 安全, 隐私',
    'security, vulnerability, exploit, malware, ransomware, phishing, encryption, password, authentication, privacy, attack, hacker, breach, firewall, cve, patch, threat',
    '网络安全, 漏洞, 恶意软件, 勒索软件, 钓鱼, 加密, 密码, 认证, 隐私, 攻击, 黑客, 泄露, 防火墙, 补丁, 威胁'),
  node('tech-infra', 'tech', 'Infrastructure & Cloud', '基础设施与云', 'DevOps, Cloud, Ops, 运维, 云计算, 基础设施',
    'cloud, server, kubernetes, docker, container, devops, deployment, database, network, linux, aws, azure, latency, scalability, monitoring, storage, data center, sre, reliability',
    '云计算, 服务器, 容器, 运维, 部署, 数据库, 网络, 集群, 高可用, 监控, 存储, 数据中心, 可靠性, 架构'),
  node('business', null, 'Business', '商业', 'Business & Economy, 商业与经济, 企业, 经济',
    'business, company, companies, market, economy, industry, revenue, customer, enterprise, corporate, startup, growth, profit',
    '商业, 企业, 公司, 市场, 经济, 行业, 营收, 客户, 创业, 增长, 利润'),
  node('biz-management', 'business', 'Management', '管理', 'Leadership, People Management, 领导力, 团队管理, 企业管理',
    'management, manager, leadership, leader, team, employee, hiring, culture, performance, organization, meeting, feedback, motivation, remote work, productivity, decision',
    '管理, 管理者, 领导力, 领导, 团队, 员工, 招聘, 企业文化, 绩效, 组织, 会议, 激励, 执行力, 效率, 决策, 人力资源'),
  node('biz-strategy', 'business', 'Strategy', '战略', 'Business Strategy, Competition, 企业战略, 竞争战略',
    'strategy, strategic, competition, competitive advantage, business model, innovation, disruption, merger, acquisition, market share, vision, planning, transformation',
    '战略, 竞争, 竞争优势, 商业模式, 创新, 颠覆, 并购, 收购, 市场份额, 愿景, 规划, 转型'),
  node('biz-marketing', 'business', 'Marketing', '市场营销', 'Growth, Sales, Advertising, 营销, 销售, 广告, 品牌',
    'marketing, brand, advertising, campaign, seo, content marketing, social media, audience, conversion, sales, funnel, promotion, customer acquisition',
    '营销, 品牌, 广告, 推广, 社交媒体, 用户增长, 转化, 销售, 流量, 获客, 私域, 内容营销'),
  node('biz-finance', 'business', 'Finance', '金融与财务', 'Investing, Economics, Accounting, 金融, 财务, 投资, 会计',
    'finance, investment, investor, stock, bond, bank, interest rate, inflation, funding, valuation, accounting, budget, tax, venture capital, ipo, crypto, bitcoin',
    '金融, 投资, 投资者, 股票, 债券, 银行, 利率, 通胀, 融资, 估值, 财务, 会计, 预算, 税收, 风险投资, 上市, 基金'),
  node('product', null, 'Product & Design', '产品与设计', 'Product, Design, 产品, 设计',
    'product, design, designer, feature, user, prototype, launch',
    '产品, 设计, 设计师, 功能, 用户, 原型, 发布'),
  node('product-management', 'product', 'Product Management', '产品管理', 'Product Strategy, Product Owner, 产品经理',
    'product manager, roadmap, requirements, user story, mvp, product market fit, backlog, prioritization, metrics, a/b test, user research, agile, scrum, sprint',
    '产品经理, 需求, 路线图, 用户故事, 最小可行产品, 优先级, 指标, 用户研究, 敏捷, 迭代, 产品规划'),
  node('product-design', 'product', 'UX & Design', '用户体验与设计', 'UX, UI, User Experience, Interaction Design, 交互设计, 用户体验, 视觉设计',
    'ux, ui, user experience, interface, usability, interaction design, accessibility, typography, layout, wireframe, figma, visual design, color',
    '用户体验, 界面, 交互设计, 可用性, 无障碍, 排版, 布局, 线框图, 视觉设计, 配色, 设计系统'),
  node('science', null, 'Science', '科学', 'Research, 科研, 研究',
    'science, scientist, research, researcher, study, experiment, physics, chemistry, biology, astronomy, space, nasa, climate, discovery, laboratory, journal',
    '科学, 科学家, 研究, 研究人员, 实验, 物理, 化学, 生物, 天文, 太空, 航天, 宇航员, 气候, 发现, 实验室, 论文'),
  node('learning', null, 'Learning & Knowledge', '学习与知识', 'Knowledge, Learning, 知识, 学习',
    'knowledge, learning, learn, expertise, know-how, lessons learned, insight, wisdom, skills',
    '知识, 学习, 经验, 专业知识, 技能, 洞见, 智慧, 知识体系'),
  node('learning-km', 'learning', 'Knowledge Management', '知识管理', 'Knowledge Sharing, Personal Knowledge Management, 知识共享, 知识库',
    'knowledge management, knowledge sharing, knowledge base, tacit knowledge, explicit knowledge, taxonomy, knowledge map, wiki, documentation, note-taking, second brain, zettelkasten, community of practice, knowledge transfer, information management',
    '知识管理, 知识共享, 知识库, 隐性知识, 显性知识, 分类体系, 知识地图, 文档, 笔记, 知识沉淀, 知识转移, 知识管理系统, 信息管理, 知识资产, 知识分享'),
  node('learning-org', 'learning', 'Learning Organization', '学习型组织', 'Organizational Learning, 组织学习, 学习型企业',
    'learning organization, organizational learning, organisational learning, systems thinking, mental models, shared vision, team learning, personal mastery, peter senge, fifth discipline, continuous improvement, double-loop learning, reflection',
    '学习型组织, 组织学习, 系统思考, 心智模式, 共同愿景, 团队学习, 自我超越, 第五项修炼, 持续改进, 反思, 复盘, 持续学习'),
  node('learning-education', 'learning', 'Education', '教育', 'Teaching, Training, Courses, 培训, 课程, 教学',
    'education, school, student, teacher, teaching, course, curriculum, university, classroom, training, online learning, exam, tutorial, lesson',
    '教育, 学校, 学生, 老师, 教师, 教学, 课程, 大学, 课堂, 培训, 在线学习, 考试, 教程'),
  node('news', null, 'News & Society', '新闻与社会', 'News, Society, Current Affairs, 新闻, 社会, 时事',
    'news, society, government, public, community, law, court, police, election, report, protest, city',
    '新闻, 社会, 政府, 公众, 社区, 法律, 法院, 警方, 选举, 报道, 城市'),
  node('news-politics', 'news', 'Politics & World', '政治与国际', 'Politics, World, Policy, 政治, 国际, 政策, 外交',
    'politics, political, president, minister, congress, parliament, senate, policy, sanctions, diplomacy, war, military, treaty, administration, regulation, international',
    '政治, 总统, 部长, 国会, 议会, 政策, 制裁, 外交, 战争, 军事, 条约, 监管, 国际, 政府官员'),
  node('health', null, 'Health', '健康', 'Healthcare, Medicine, Wellbeing, 医疗, 健康, 养生',
    'health, medical, medicine, doctor, patient, hospital, disease, treatment, symptoms, drug, vaccine, nutrition, diet, exercise, sleep, mental health, fitness, cancer, therapy, allergy, infant, pregnancy, heart disease, blood pressure, diabetes, obesity, clinical trial',
    '健康, 医疗, 医学, 医生, 患者, 医院, 疾病, 治疗, 症状, 药物, 疫苗, 营养, 饮食, 运动, 睡眠, 心理健康, 健身, 癌症, 过敏, 婴儿, 怀孕, 心脏病, 糖尿病, 肥胖, 临床试验'),
  node('culture', null, 'Culture & Life', '文化与生活', 'Culture, Lifestyle, Entertainment, 文化, 生活, 娱乐',
    'culture, life, lifestyle, entertainment, music, film, movie, game, sports, fashion, family, celebrity',
    '文化, 生活, 娱乐, 音乐, 电影, 游戏, 体育, 时尚, 家庭, 明星'),
  node('culture-arts', 'culture', 'Arts & Books', '艺术与阅读', 'Books, Literature, Art, 读书, 文学, 艺术',
    'book, books, novel, author, writer, literature, poetry, art, artist, museum, painting, story, fiction, chapter, reading',
    '书籍, 小说, 作者, 作家, 文学, 诗歌, 艺术, 艺术家, 博物馆, 绘画, 故事, 阅读, 章节'),
  node('culture-travel-food', 'culture', 'Travel & Food', '旅行与美食', 'Travel, Food, Cooking, 旅行, 旅游, 美食, 烹饪',
    'travel, trip, hotel, flight, tourism, destination, food, recipe, cooking, restaurant, cuisine, wine, beer, coffee, chef',
    '旅行, 旅游, 酒店, 航班, 景点, 美食, 食谱, 烹饪, 餐厅, 菜谱, 葡萄酒, 啤酒, 咖啡, 厨师'),
  node('reference', null, 'Reference', '参考资料', 'Docs, Manuals, How-to, 参考, 文档, 手册, 工具书',
    'reference, documentation, manual, guide, handbook, specification, glossary, cheat sheet, faq, how-to, checklist, template, standard, rfc',
    '参考, 文档, 手册, 指南, 规范, 术语表, 速查表, 常见问题, 模板, 标准, 清单'),
];

/** "Technology/AI" style path of English (or Chinese) names for a category id. */
export function categoryPath(taxonomy: Category[], id: string | null, lang: 'en' | 'zh' = 'en'): string {
  const byId = new Map(taxonomy.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = id ? byId.get(id) : undefined; c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name[lang]);
  return names.join('/');
}

/** Direct children of a category (or the top level when `parentId` is null), in taxonomy order. */
export function childrenOf(taxonomy: Category[], parentId: string | null): Category[] {
  return taxonomy.filter((c) => c.parentId === parentId);
}

function nameMatches(c: Category, part: string): boolean {
  const p = foldText(part.trim());
  return [c.name.en, c.name.zh, ...c.aliases].some((n) => foldText(n) === p);
}

/** The category at a "Technology/AI & Data" path, matching English or Chinese names or aliases, any case. */
export function findCategoryByPath(taxonomy: Category[], path: string): Category | undefined {
  const parts = path.split('/').filter((p) => p.trim());
  if (parts.length === 0) return undefined;
  let parentId: string | null = null;
  let found: Category | undefined;
  for (const part of parts) {
    found = childrenOf(taxonomy, parentId).find((c) => nameMatches(c, part));
    if (!found) return undefined;
    parentId = found.id;
  }
  return found;
}

/** Problems with a taxonomy (duplicate ids, unknown parents, cycles); empty when it is sound. */
export function validateTaxonomy(taxonomy: Category[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Category>();
  for (const c of taxonomy) {
    if (!c.id) problems.push('category without id');
    else if (byId.has(c.id)) problems.push(`duplicate id: ${c.id}`);
    else byId.set(c.id, c);
  }
  for (const c of byId.values()) {
    if (c.parentId !== null && !byId.has(c.parentId)) problems.push(`unknown parent ${c.parentId} of ${c.id}`);
    const seen = new Set<string>([c.id]);
    for (let p = c.parentId ? byId.get(c.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (seen.has(p.id)) {
        problems.push(`cycle through ${c.id}`);
        break;
      }
      seen.add(p.id);
    }
  }
  return problems;
}
