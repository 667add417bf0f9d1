-- The back office's lazy grids (issue 7: "lazy grids with filter and sort"): each sortable column of the plannings,
-- qualification groups, pause reasons, trunks, DIDs, queues and agent scripts lists is sorted by the database
-- (db.PagedIds) on an index. Names sort case-insensitively, hence the lower(...) expression indexes; the plain
-- unique constraints (name, number, code) already index the others.
CREATE INDEX planning_name_lower_idx ON planning (lower(name));
CREATE INDEX planning_time_zone_idx ON planning (time_zone);
CREATE INDEX qualification_group_name_lower_idx ON qualification_group (lower(name));
CREATE INDEX pause_reason_position_idx ON pause_reason (position);
CREATE INDEX sip_trunk_host_idx ON sip_trunk (host);
CREATE INDEX did_label_lower_idx ON did (lower(label));
CREATE INDEX agent_group_name_lower_idx ON agent_group (lower(name));
CREATE INDEX call_queue_priority_idx ON call_queue (priority);
CREATE INDEX script_name_lower_idx ON script (lower(name));
