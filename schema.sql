-- Slate workspace schema, version 2.
-- This file is the single source of truth: a new workspace is created from exactly
-- these statements (the binary carries a copy; a test proves the two are equal and
-- that a fresh workspace's sqlite_master matches this file).
-- Conventions: instants are INTEGER seconds since the Unix epoch (UTC); intervals are
-- half-open [start_at, end_at); money is INTEGER minor units; every table has id, uid,
-- created_at, updated_at, deleted_at (soft delete), version (optimistic locking).

CREATE TABLE workspaces (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  locale TEXT NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  time_zone TEXT NOT NULL,
  hold_expiry_first_days INTEGER NOT NULL DEFAULT 14 CHECK (hold_expiry_first_days >= 1),
  hold_expiry_other_days INTEGER NOT NULL DEFAULT 7 CHECK (hold_expiry_other_days >= 1),
  challenge_hours INTEGER NOT NULL DEFAULT 24 CHECK (challenge_hours >= 1),
  auto_promote INTEGER NOT NULL DEFAULT 1 CHECK (auto_promote IN (0, 1)),
  next_invoice_number INTEGER NOT NULL DEFAULT 1 CHECK (next_invoice_number >= 1),
  -- Longest booking ever written, in seconds: bounds the grid's window scans.
  longest_booking_seconds INTEGER NOT NULL DEFAULT 0 CHECK (longest_booking_seconds >= 0),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  -- Invoices are numbered PREFIX-YEAR-0001 from next_invoice_number, without gaps.
  invoice_prefix TEXT NOT NULL DEFAULT 'F' CHECK (length(invoice_prefix) BETWEEN 1 AND 12),
  -- Tax on invoices in basis points: 2000 is 20 %.
  tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  login TEXT NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
-- A login is unique among live users: a removed account's login can be given again.
CREATE UNIQUE INDEX users_login ON users(login) WHERE deleted_at IS NULL;

CREATE TABLE studios (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone TEXT NOT NULL,
  opening_hours TEXT NOT NULL DEFAULT ''
);

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  contact TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  -- The studio that added the client: its staff (and studios working for the client) see
  -- the client's contact details and materials; other studios do not.
  studio_id INTEGER REFERENCES studios(id),
  -- The relationship: a tier (gold, standard, ...), what they prefer, free notes (schema 6).
  tier TEXT NOT NULL DEFAULT '',
  preferences TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clients_studio ON clients(studio_id);

CREATE TABLE platforms (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  url TEXT NOT NULL DEFAULT ''
);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  user_id INTEGER NOT NULL REFERENCES users(id),
  scope TEXT NOT NULL CHECK (scope IN ('studio', 'client', 'platform')),
  studio_id INTEGER REFERENCES studios(id),
  client_id INTEGER REFERENCES clients(id),
  platform_id INTEGER REFERENCES platforms(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'member')),
  CHECK ((scope = 'studio') = (studio_id IS NOT NULL)),
  CHECK ((scope = 'client') = (client_id IS NOT NULL)),
  CHECK ((scope = 'platform') = (platform_id IS NOT NULL))
);
CREATE UNIQUE INDEX memberships_unique ON memberships(user_id, scope, ifnull(studio_id, 0), ifnull(client_id, 0), ifnull(platform_id, 0)) WHERE deleted_at IS NULL;

CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  kind TEXT NOT NULL CHECK (kind IN ('talent', 'room', 'equipment')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
CREATE INDEX resources_studio ON resources(studio_id, kind);
CREATE INDEX resources_name ON resources(name COLLATE NOCASE);

CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  resource_id INTEGER NOT NULL UNIQUE REFERENCES resources(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  equipment_notes TEXT NOT NULL DEFAULT '',
  -- What an hour, a day or a booking of it costs, in minor units of the workspace currency.
  rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0),
  rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat'))
);

CREATE TABLE talent (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  resource_id INTEGER NOT NULL UNIQUE REFERENCES resources(id),
  user_id INTEGER REFERENCES users(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  alias TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('artist', 'host', 'engineer')),
  style_tags TEXT NOT NULL DEFAULT '',
  rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0),
  banned INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1)),
  rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat')),
  -- Languages spoken, a comma list (matching reads them like skills); how to reach them;
  -- why they are banned (schema 6).
  languages TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  ban_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX talent_user ON talent(user_id) WHERE user_id IS NOT NULL;

-- Skills of talent, one row each (matching searches them by index, never by LIKE).
CREATE TABLE talent_skills (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  talent_id INTEGER NOT NULL REFERENCES talent(id),
  skill TEXT NOT NULL COLLATE NOCASE CHECK (length(skill) BETWEEN 1 AND 64),
  level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 5)
);
CREATE UNIQUE INDEX talent_skills_pair ON talent_skills(talent_id, skill) WHERE deleted_at IS NULL;
CREATE INDEX talent_skills_skill ON talent_skills(skill, talent_id) WHERE deleted_at IS NULL;

CREATE TABLE equipment (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  resource_id INTEGER NOT NULL UNIQUE REFERENCES resources(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  -- What an hour, a day or a booking of it costs, in minor units of the workspace currency.
  rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0),
  rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat'))
);

-- A resource row mirrors the name and studio of its room, talent or equipment: the
-- triggers keep them equal whoever writes (a test checks it).
CREATE TRIGGER rooms_mirror_resource AFTER UPDATE OF name, studio_id ON rooms BEGIN
  UPDATE resources SET name = NEW.name, studio_id = NEW.studio_id WHERE id = NEW.resource_id;
END;
CREATE TRIGGER talent_mirror_resource AFTER UPDATE OF name, studio_id ON talent BEGIN
  UPDATE resources SET name = NEW.name, studio_id = NEW.studio_id WHERE id = NEW.resource_id;
END;
CREATE TRIGGER equipment_mirror_resource AFTER UPDATE OF name, studio_id ON equipment BEGIN
  UPDATE resources SET name = NEW.name, studio_id = NEW.studio_id WHERE id = NEW.resource_id;
END;

CREATE TABLE time_off (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  resource_id INTEGER NOT NULL REFERENCES resources(id),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  hard INTEGER NOT NULL DEFAULT 0 CHECK (hard IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  CHECK (end_at > start_at)
);
CREATE INDEX time_off_resource ON time_off(resource_id, end_at, start_at) WHERE deleted_at IS NULL;

CREATE TABLE materials (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  platform_id INTEGER REFERENCES platforms(id),
  kind TEXT NOT NULL CHECK (kind IN ('brief', 'mechanic', 'script', 'scene', 'other')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
);
CREATE INDEX materials_client ON materials(client_id);

-- Earlier versions of a material: a revision keeps the text it replaces (schema 6).
CREATE TABLE material_revisions (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  material_id INTEGER NOT NULL REFERENCES materials(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX material_revisions_material ON material_revisions(material_id, revision) WHERE deleted_at IS NULL;

CREATE TABLE recurrences (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
  every INTEGER NOT NULL DEFAULT 1 CHECK (every >= 1),
  weekdays TEXT NOT NULL DEFAULT '',
  until_at INTEGER,
  count INTEGER CHECK (count IS NULL OR count >= 1),
  exceptions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exceptions)),
  -- The first occurrence as planned: the series' wall-clock time and length (schema 4).
  start_at INTEGER NOT NULL DEFAULT 0,
  end_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  client_id INTEGER REFERENCES clients(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'done', 'cancelled')),
  start_on TEXT CHECK (start_on IS NULL OR (length(start_on) = 10 AND date(start_on) = start_on))
);
CREATE INDEX projects_studio ON projects(studio_id);

-- A phase is fixed (duration_days NULL: start_at/end_at are set by hand) or auto-scheduled
-- (duration_days working days, placed by the critical path after its dependencies and the
-- project start). Dates are local midnights of the studio: end_at is the midnight after the
-- last day. A milestone is a phase of no length (end_at = start_at).
CREATE TABLE phases (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  duration_days INTEGER CHECK (duration_days IS NULL OR duration_days BETWEEN 0 AND 3650),
  milestone INTEGER NOT NULL DEFAULT 0 CHECK (milestone IN (0, 1)),
  -- What the phase may cost (seed 002), in minor units; actuals come from its bookings at their rates.
  budget_minor INTEGER NOT NULL DEFAULT 0 CHECK (budget_minor >= 0),
  CHECK (end_at > start_at OR (milestone = 1 AND end_at = start_at)),
  CHECK (milestone = 0 OR duration_days IS NULL OR duration_days = 0)
);
CREATE INDEX phases_project ON phases(project_id, start_at);

-- Lag in working days of the project's studio.
CREATE TABLE dependencies (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  predecessor_id INTEGER NOT NULL REFERENCES phases(id),
  successor_id INTEGER NOT NULL REFERENCES phases(id),
  kind TEXT NOT NULL DEFAULT 'finish_to_start' CHECK (kind IN ('finish_to_start', 'start_to_start', 'finish_to_finish')),
  lag_days INTEGER NOT NULL DEFAULT 0 CHECK (lag_days BETWEEN 0 AND 3650),
  CHECK (predecessor_id != successor_id)
);
CREATE UNIQUE INDEX dependencies_pair ON dependencies(predecessor_id, successor_id) WHERE deleted_at IS NULL;
CREATE INDEX dependencies_successor ON dependencies(successor_id);

CREATE TABLE schedules (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'confirmed', 'archived', 'cancelled'))
);
CREATE INDEX schedules_client ON schedules(client_id);

CREATE TABLE shows (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  schedule_id INTEGER REFERENCES schedules(id),
  room_id INTEGER REFERENCES rooms(id),
  recurrence_id INTEGER REFERENCES recurrences(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  type TEXT NOT NULL DEFAULT 'bau' CHECK (type IN ('bau', 'campaign', 'other')),
  standard TEXT NOT NULL DEFAULT 'standard' CHECK (standard IN ('standard', 'premium')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'live', 'completed', 'cancelled')),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  CHECK (end_at > start_at)
);
CREATE INDEX shows_schedule ON shows(schedule_id) WHERE schedule_id IS NOT NULL;
CREATE INDEX shows_client ON shows(client_id, start_at);
CREATE INDEX shows_studio_time ON shows(studio_id, start_at);
CREATE INDEX shows_drafts ON shows(room_id, end_at, start_at) WHERE status = 'draft' AND deleted_at IS NULL;

CREATE TABLE show_talent (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  show_id INTEGER NOT NULL REFERENCES shows(id),
  talent_id INTEGER NOT NULL REFERENCES talent(id),
  rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX show_talent_pair ON show_talent(show_id, talent_id) WHERE deleted_at IS NULL;
CREATE INDEX show_talent_talent ON show_talent(talent_id);

CREATE TABLE show_platforms (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  show_id INTEGER NOT NULL REFERENCES shows(id),
  platform_id INTEGER NOT NULL REFERENCES platforms(id),
  link TEXT NOT NULL DEFAULT '',
  platform_ref TEXT NOT NULL DEFAULT '',
  viewer_count INTEGER CHECK (viewer_count IS NULL OR viewer_count >= 0)
);
CREATE UNIQUE INDEX show_platforms_pair ON show_platforms(show_id, platform_id) WHERE deleted_at IS NULL;

-- Equipment a show needs: booked with the show's room and cast when it is confirmed.
CREATE TABLE show_equipment (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  show_id INTEGER NOT NULL REFERENCES shows(id),
  equipment_id INTEGER NOT NULL REFERENCES equipment(id)
);
CREATE UNIQUE INDEX show_equipment_pair ON show_equipment(show_id, equipment_id) WHERE deleted_at IS NULL;
CREATE INDEX show_equipment_equipment ON show_equipment(equipment_id);

CREATE TABLE show_materials (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  show_id INTEGER NOT NULL REFERENCES shows(id),
  material_id INTEGER NOT NULL REFERENCES materials(id)
);
CREATE UNIQUE INDEX show_materials_pair ON show_materials(show_id, material_id) WHERE deleted_at IS NULL;

CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  resource_id INTEGER NOT NULL REFERENCES resources(id),
  holder_id INTEGER NOT NULL REFERENCES users(id),
  show_id INTEGER REFERENCES shows(id),
  phase_id INTEGER REFERENCES phases(id),
  recurrence_id INTEGER REFERENCES recurrences(id),
  status TEXT NOT NULL CHECK (status IN ('hold', 'confirmed', 'released', 'cancelled')),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  placed_at INTEGER NOT NULL,
  rank INTEGER CHECK (rank IS NULL OR rank >= 1),
  expires_at INTEGER,
  challenge_deadline INTEGER,
  challenged_by INTEGER REFERENCES bookings(id),
  note TEXT NOT NULL DEFAULT '',
  CHECK (end_at > start_at),
  CHECK ((status = 'hold') = (rank IS NOT NULL))
);
CREATE INDEX bookings_confirmed ON bookings(resource_id, start_at, end_at) WHERE status = 'confirmed' AND deleted_at IS NULL;
CREATE INDEX bookings_holds ON bookings(resource_id, end_at, start_at) WHERE status = 'hold' AND deleted_at IS NULL;
CREATE INDEX bookings_hold_expiry ON bookings(expires_at) WHERE status = 'hold' AND deleted_at IS NULL;
CREATE INDEX bookings_challenges ON bookings(challenge_deadline) WHERE status = 'hold' AND challenge_deadline IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX bookings_resource_time ON bookings(resource_id, start_at);
CREATE INDEX bookings_show ON bookings(show_id) WHERE show_id IS NOT NULL;
CREATE INDEX bookings_phase ON bookings(phase_id) WHERE phase_id IS NOT NULL;
CREATE INDEX bookings_recurrence ON bookings(recurrence_id) WHERE recurrence_id IS NOT NULL;

-- Backstop under the Swift rules: two confirmed bookings of one resource never overlap,
-- whichever process writes. Confirmed bookings of a resource never overlap each other,
-- so the latest one starting before the new end is the only possible clash (one probe).
CREATE TRIGGER bookings_no_double_booking_insert BEFORE INSERT ON bookings
WHEN NEW.status = 'confirmed' AND NEW.deleted_at IS NULL
BEGIN
  SELECT RAISE(ABORT, 'double booking: confirmed bookings of one resource may not overlap')
  WHERE (SELECT b.end_at FROM bookings b
         WHERE b.resource_id = NEW.resource_id AND b.status = 'confirmed' AND b.deleted_at IS NULL
           AND b.start_at < NEW.end_at
         ORDER BY b.start_at DESC LIMIT 1) > NEW.start_at;
END;

CREATE TRIGGER bookings_no_double_booking_update BEFORE UPDATE OF status, start_at, end_at, resource_id, deleted_at ON bookings
WHEN NEW.status = 'confirmed' AND NEW.deleted_at IS NULL
BEGIN
  SELECT RAISE(ABORT, 'double booking: confirmed bookings of one resource may not overlap')
  WHERE (SELECT b.end_at FROM bookings b
         WHERE b.resource_id = NEW.resource_id AND b.status = 'confirmed' AND b.deleted_at IS NULL
           AND b.start_at < NEW.end_at AND b.id != NEW.id
         ORDER BY b.start_at DESC LIMIT 1) > NEW.start_at;
END;

-- Keeps workspaces.longest_booking_seconds, which bounds the grid's window scans.
CREATE TRIGGER bookings_longest_insert AFTER INSERT ON bookings
WHEN NEW.end_at - NEW.start_at > (SELECT longest_booking_seconds FROM workspaces ORDER BY id LIMIT 1)
BEGIN
  UPDATE workspaces SET longest_booking_seconds = NEW.end_at - NEW.start_at;
END;

CREATE TRIGGER bookings_longest_update AFTER UPDATE OF start_at, end_at ON bookings
WHEN NEW.end_at - NEW.start_at > (SELECT longest_booking_seconds FROM workspaces ORDER BY id LIMIT 1)
BEGIN
  UPDATE workspaces SET longest_booking_seconds = NEW.end_at - NEW.start_at;
END;

CREATE TABLE task_templates (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX task_templates_studio ON task_templates(studio_id);

CREATE TABLE task_template_items (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  template_id INTEGER NOT NULL REFERENCES task_templates(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  item_type TEXT NOT NULL CHECK (item_type IN ('pre_production', 'production', 'post_production', 'show_mc_review', 'show_platform_review', 'other')),
  input_type TEXT NOT NULL DEFAULT 'text' CHECK (input_type IN ('text', 'number', 'date', 'percentage', 'file', 'url')),
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  due_offset_seconds INTEGER NOT NULL DEFAULT 0,
  due_from TEXT NOT NULL DEFAULT 'start' CHECK (due_from IN ('start', 'end')),
  -- Who generated tasks go to: a member's login, 'talent' (the talent a review is about,
  -- when linked to a user) or '' (nobody yet).
  default_assignee TEXT NOT NULL DEFAULT '' CHECK (length(default_assignee) <= 64)
);
CREATE INDEX task_template_items_template ON task_template_items(template_id, sort_order);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  show_id INTEGER NOT NULL REFERENCES shows(id),
  template_item_id INTEGER REFERENCES task_template_items(id),
  show_talent_id INTEGER REFERENCES show_talent(id),
  show_platform_id INTEGER REFERENCES show_platforms(id),
  assignee_id INTEGER REFERENCES users(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  item_type TEXT NOT NULL CHECK (item_type IN ('pre_production', 'production', 'post_production', 'show_mc_review', 'show_platform_review', 'other')),
  input_type TEXT NOT NULL DEFAULT 'text' CHECK (input_type IN ('text', 'number', 'date', 'percentage', 'file', 'url')),
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'assigned', 'in_progress', 'review', 'completed', 'blocked', 'cancelled')),
  value TEXT NOT NULL DEFAULT '',
  due_at INTEGER,
  done_at INTEGER,
  done_by INTEGER REFERENCES users(id),
  blocked_reason TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'blocked') = (blocked_reason != ''))
);
CREATE UNIQUE INDEX tasks_generated_once ON tasks(show_id, template_item_id, ifnull(show_talent_id, 0), ifnull(show_platform_id, 0)) WHERE template_item_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX tasks_assignee ON tasks(assignee_id, status);
CREATE INDEX tasks_show ON tasks(show_id, due_at);
CREATE INDEX tasks_open_due ON tasks(due_at) WHERE status NOT IN ('completed', 'cancelled') AND deleted_at IS NULL;
CREATE INDEX tasks_show_talent ON tasks(show_talent_id) WHERE show_talent_id IS NOT NULL;

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  record_table TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  parent_id INTEGER REFERENCES comments(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000)
);
CREATE INDEX comments_record ON comments(record_table, record_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  studio_id INTEGER REFERENCES studios(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64)
);
CREATE UNIQUE INDEX tags_name ON tags(ifnull(studio_id, 0), name) WHERE deleted_at IS NULL;

CREATE TABLE taggables (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  record_table TEXT NOT NULL,
  record_id INTEGER NOT NULL
);
CREATE UNIQUE INDEX taggables_unique ON taggables(tag_id, record_table, record_id) WHERE deleted_at IS NULL;
CREATE INDEX taggables_record ON taggables(record_table, record_id);

CREATE TABLE communications (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'note', 'email', 'message')),
  client_id INTEGER REFERENCES clients(id),
  talent_id INTEGER REFERENCES talent(id),
  show_id INTEGER REFERENCES shows(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  occurred_at INTEGER NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  CHECK (client_id IS NOT NULL OR talent_id IS NOT NULL OR show_id IS NOT NULL)
);

CREATE INDEX communications_client ON communications(client_id, occurred_at) WHERE client_id IS NOT NULL;
CREATE INDEX communications_talent ON communications(talent_id, occurred_at) WHERE talent_id IS NOT NULL;
CREATE INDEX communications_show ON communications(show_id, occurred_at) WHERE show_id IS NOT NULL;

-- Words of subjects and bodies, accents folded ("eloise" finds "Éloïse"), with prefix
-- indexes so "rehears*" is an index range (schema 6).
CREATE VIRTUAL TABLE communications_fts USING fts5(subject, body, content='communications', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');

CREATE TRIGGER communications_fts_insert AFTER INSERT ON communications BEGIN
  INSERT INTO communications_fts(rowid, subject, body) VALUES (NEW.id, NEW.subject, NEW.body);
END;

CREATE TRIGGER communications_fts_delete AFTER DELETE ON communications BEGIN
  INSERT INTO communications_fts(communications_fts, rowid, subject, body) VALUES ('delete', OLD.id, OLD.subject, OLD.body);
END;

CREATE TRIGGER communications_fts_update AFTER UPDATE ON communications BEGIN
  INSERT INTO communications_fts(communications_fts, rowid, subject, body) VALUES ('delete', OLD.id, OLD.subject, OLD.body);
  INSERT INTO communications_fts(rowid, subject, body) VALUES (NEW.id, NEW.subject, NEW.body);
END;

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  studio_id INTEGER NOT NULL REFERENCES studios(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  -- Unique among live invoices: an invoice undone gives its number back.
  number INTEGER NOT NULL CHECK (number >= 1),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'paid', 'void')),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  issued_at INTEGER,
  total_minor INTEGER NOT NULL DEFAULT 0,
  subtotal_minor INTEGER NOT NULL DEFAULT 0,
  tax_minor INTEGER NOT NULL DEFAULT 0,
  tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  -- A credit note names the invoice it corrects.
  credit_of INTEGER REFERENCES invoices(id),
  -- The period a client invoice covers (epoch seconds), or NULL for a show's invoice.
  period_from INTEGER,
  period_to INTEGER
);
CREATE INDEX invoices_client ON invoices(client_id);
CREATE UNIQUE INDEX invoices_number ON invoices(number) WHERE deleted_at IS NULL;

CREATE TABLE invoice_items (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  show_id INTEGER REFERENCES shows(id),
  booking_id INTEGER REFERENCES bookings(id),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  -- Hundredths of the unit: 150 in an hourly line is an hour and a half.
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi >= 1),
  unit TEXT NOT NULL DEFAULT 'item' CHECK (unit IN ('hour', 'day', 'flat', 'item')),
  unit_minor INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL
);
CREATE INDEX invoice_items_invoice ON invoice_items(invoice_id);
CREATE INDEX invoice_items_show ON invoice_items(show_id) WHERE show_id IS NOT NULL;

CREATE TABLE job_listings (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  skills TEXT NOT NULL DEFAULT '',
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
  -- Who filled it, and the booking that did (schema 6).
  talent_id INTEGER REFERENCES talent(id),
  booking_id INTEGER REFERENCES bookings(id),
  CHECK (end_at > start_at)
);
CREATE INDEX job_listings_project ON job_listings(project_id);

-- One row per user command; audits point at it. Undo and redo are commands too; 'system'
-- commands (holds expiring, challenge deadlines passing) are never undone.
CREATE TABLE commands (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'undo', 'redo', 'system')),
  name TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  target_id INTEGER REFERENCES commands(id),
  undone_by INTEGER REFERENCES commands(id) DEFERRABLE INITIALLY DEFERRED,
  redone_by INTEGER REFERENCES commands(id) DEFERRABLE INITIALLY DEFERRED,
  -- The studio whose data the command worked on: the log and histories show a command to
  -- its author and that studio's staff only.
  studio_id INTEGER REFERENCES studios(id)
);
CREATE INDEX commands_user ON commands(user_id, id);
CREATE INDEX commands_studio ON commands(studio_id, id);

CREATE TABLE audits (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  command_id INTEGER NOT NULL REFERENCES commands(id) DEFERRABLE INITIALLY DEFERRED,
  user_id INTEGER NOT NULL REFERENCES users(id),
  action TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  record_table TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  record_uid TEXT NOT NULL,
  old_values TEXT CHECK (old_values IS NULL OR json_valid(old_values)),
  new_values TEXT NOT NULL CHECK (json_valid(new_values))
);
CREATE INDEX audits_command ON audits(command_id);
CREATE INDEX audits_record ON audits(record_table, record_id);
