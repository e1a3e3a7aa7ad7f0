/** The template command's usage lines, apart from the command so that `jixiao --help` does not load it. */
export const TEMPLATE_USAGE = `  jixiao template [--variant 选项] [--year 年份] [--profile 规范] OUT.xlsx
                                       生成空白绩效目标表 (write a blank form)
      --variant  逗号分隔 (comma-separated): newer|older (新/旧框架), wan|yuan (万元/元),
                 plain|describe (是否含绩效指标描述、指标值确定依据列), transfer|own (是否含本级/上级转移支付资金)
                 默认 (default): newer,wan,plain,transfer
      --profile  资金栏按此规范的写法 (the funds block in this profile's words): 101号|88号|宁夏
                 (宁夏: 转移市县（区）资金 = 中央资金 + 自治区资金); 默认不指定 (default none):
                 标准写法 (standard words: 上级转移支付资金 = 财政拨款 + 其他资金)`;
