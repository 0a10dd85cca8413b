/**
 * Every audit action with its Chinese name for the log viewer. `writeAudit` accepts only these
 * ids, so an action cannot be written without a label (and cannot be missing from the filter).
 */
export const AUDIT_ACTION_LABELS = {
  'installation.init': '初始化系统',
  'demo.seed': '载入演示数据',
  'settings.update': '修改设置',

  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账户因连续登录失败被锁定',
  'auth.passwordChanged': '修改密码',

  'account.create': '创建账户',
  'account.resetPassword': '重置密码',
  'account.disable': '停用账户',
  'account.enable': '启用账户',
  'account.unlock': '解除锁定',

  'term.create': '新建届次',
  'term.update': '修改届次',

  'delegate.create': '新增代表',
  'delegate.update': '修改代表信息',
  'delegate.status': '代表状态变更',
  'delegate.viewPersonal': '查看代表个人敏感信息',
  'roster.import': '导入代表名册',
  'roster.export': '导出代表名册',
  'roster.categories': '修改代表类别',

  'group.create': '新建代表小组',
  'group.update': '修改代表小组',
  'group.delete': '删除代表小组',

  'calendar.update': '修改节假日安排',
  'calendar.import': '导入节假日安排',

  'meeting.create': '新建会议',
  'meeting.update': '修改会议',
  'meeting.notify': '发出会议通知',
  'meeting.publish': '发布会议',
  'meeting.unpublish': '撤回发布的会议',
  'meeting.open': '宣布开会',
  'meeting.close': '宣布闭会',
  'meeting.screenLinkRotated': '更换大屏链接',
  'agenda.create': '新增议程',
  'agenda.update': '修改议程',
  'agenda.delete': '删除议程',
  'agenda.reorder': '调整议程顺序',
  'agenda.applyTemplate': '套用议程模板',
  'agenda.current': '切换当前议程',
  'groupSession.create': '安排小组讨论',
  'groupSession.update': '修改小组讨论安排',
  'groupSession.delete': '取消小组讨论安排',
  'attendance.reply': '回复参会',
  'attendance.checkIn': '签到',
  'attendance.undoCheckIn': '撤销签到',
  'attendance.confirmPhone': '确认签到手机',
  'qualificationReview.adopt': '通过代表资格审查',
  'observer.apply': '申请列席',
  'observer.create': '添加列席人员',
  'observer.decide': '审批列席申请',
  'observer.delete': '删除列席人员',
  'briefing.create': '新建情况通报',
  'briefing.update': '修改情况通报',
  'briefing.delete': '删除情况通报',
  'briefing.attach': '上传通报附件',
  'briefing.comment': '对通报提出意见',

  'topic.create': '新建议题',
  'topic.submit': '提交议题',
  'topic.cosign': '联名附议议题',
  'topic.uncosign': '撤回联名',
  'topic.withdraw': '撤回议题',
  'topic.decide': '决定议题',

  'poll.create': '新建表决',
  'poll.open': '开始表决',
  'poll.vote': '投票',
  'poll.close': '结束表决',
  'poll.tally': '计票',
  'poll.delete': '删除表决',

  'resolution.create': '起草决议',
  'resolution.update': '修改决议草案',
  'resolution.delete': '删除决议草案',
  'resolution.adopt': '通过决议',
  'resolution.reject': '记录决议未通过',
  'resolution.supersede': '决议被取代',
  'resolution.urgentChange': '决议紧急变更',
  'resolution.change': '大会决定变更决议',
  'resolution.distribute': '登记决议印发',
  'resolution.undistribute': '删除决议印发记录',
  'implementation.create': '新增决议落实事项',
  'implementation.update': '修改决议落实事项',
  'implementation.delete': '删除决议落实事项',
  'implementation.progress': '报告决议落实进展',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const isAuditAction = (s: string): s is AuditAction => Object.hasOwn(AUDIT_ACTION_LABELS, s);

/** Entries written before an action was renamed keep their id; the viewer shows it as is. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** For the viewer's filter: every known action with its label, in the order above. */
export const AUDIT_ACTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([id, label]) => ({ id, label }));
