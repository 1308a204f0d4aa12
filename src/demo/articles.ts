/** Articles of the demo website (信用动态, 政策法规, 诚信文化): fictional news, real policy titles. */
export interface DemoArticle {
  channel: 'news' | 'policy' | 'culture';
  title: string;
  body: string;
  /** Days before the demo's today. */
  daysAgo: number;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    channel: 'news',
    title: '市信用中心完成本季度双公示数据归集质量通报',
    body: '本季度全市各部门共报送行政许可、行政处罚信息数万条，按时报送率、数据合格率较上季度均有提升。\n\n信用中心将继续按月通报各部门报送情况，对逾期报送、错误率较高的部门进行提醒。',
    daysAgo: 3,
  },
  {
    channel: 'news',
    title: '我市开展诚信建设万里行主题宣传活动',
    body: '活动围绕“诚信让城市更美好”主题，在全市各区县开展政策宣讲、信用修复咨询和企业诚信承诺签署等活动。',
    daysAgo: 12,
  },
  {
    channel: 'policy',
    title: '国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见（国办发〔2020〕49号）',
    body: '为进一步完善失信约束制度，构建诚信建设长效机制，提出以下意见：科学界定公共信用信息纳入范围和程序，规范严重失信主体名单认定标准和程序，依法依规开展失信惩戒，建立有利于自我纠错、主动自新的信用修复机制。\n\n全文以国务院办公厅发布的文本为准。',
    daysAgo: 30,
  },
  {
    channel: 'policy',
    title: '信用修复管理办法（国家发展和改革委员会令）',
    body: '失信信息按照轻微、一般、严重分级，公示期届满后自动停止公示；当事人履行法定义务、纠正失信行为后，可以在最短公示期届满后申请信用修复。\n\n全文以国家发展和改革委员会发布的文本为准。',
    daysAgo: 45,
  },
  {
    channel: 'culture',
    title: '诚信故事：一家老字号的三十年承诺',
    body: '三十年来，这家老字号坚持明码标价、足斤足两，把“童叟无欺”写进了每一位员工的岗位守则。\n\n诚信是企业最好的名片。',
    daysAgo: 20,
  },
];
