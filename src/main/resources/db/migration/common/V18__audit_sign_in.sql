-- Sign-ins (and failed sign-ins) to the workspace and the Camunda webapps, and sign-outs, are audited.
alter table audit_event drop constraint audit_event_action_known;
alter table audit_event add constraint audit_event_action_known check (action in ('READ', 'LIST', 'EXPORT', 'CREATE',
    'CHANGE', 'DECIDE', 'PURGE', 'SIGN_IN', 'SIGN_OUT'));
