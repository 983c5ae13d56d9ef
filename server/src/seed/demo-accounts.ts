// Usernames of the demo accounts. Their presence means demo mode; production refuses to start with them.
export const DEMO_USERNAMES = [
  'admin', 'qd_admin', 'qd_pm', 'qd_tutor', 'qd_host', 'qd_trainee', 'sn_admin', 'ls_admin',
  'dl_admin', 'dl_pm', 'dl_tutor', 'wfd_admin', 'dl_trainee', 'hrb_admin', 'daoli_admin', 'sq_admin', 'kq_admin',
];
