-- sluis.sql - one PostgreSQL database for several sluis gateways: the roles,
-- the three schemas and what each role may do. Run it once, as a superuser,
-- in the database that will hold them (created first, e.g.
--   createdb -O postgres sluis
--   psql -d sluis -v milter_pw="'...'" -v portal_pw="'...'" -v dashboard_pw="'...'" \
--        -f /usr/share/sluis/postgresql/sluis.sql
-- with the passwords each node then keeps in its 0600 passfile).
--
-- sluis_metrics   the events, written by every sluis-milter, read by the
--                 dashboard and `sluis report`
-- sluis_portal    the portal store: messages and their pickups written by
--                 sluis-milter, codes, sessions and replies by sluis-portal
-- sluis_dashboard the dashboard's users, sessions, actions and audit log
--
-- The milter owns the two schemas it writes, and the dashboard its own: each
-- program brings its schema's tables up to its version when it starts (in a
-- transaction holding the store's lock, so two nodes starting at once take
-- turns). The other roles get rights on the tables as they are made (ALTER
-- DEFAULT PRIVILEGES), so start sluis-milter once before the portal.

CREATE ROLE sluis_milter LOGIN PASSWORD :milter_pw;
CREATE ROLE sluis_portal LOGIN PASSWORD :portal_pw;
CREATE ROLE sluis_dashboard LOGIN PASSWORD :dashboard_pw;

REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA sluis_metrics AUTHORIZATION sluis_milter;
CREATE SCHEMA sluis_portal AUTHORIZATION sluis_milter;
CREATE SCHEMA sluis_dashboard AUTHORIZATION sluis_dashboard;

-- the dashboard (and `sluis report` run with its role) reads the events,
-- nothing else of the milter's
GRANT USAGE ON SCHEMA sluis_metrics TO sluis_dashboard;
ALTER DEFAULT PRIVILEGES FOR ROLE sluis_milter IN SCHEMA sluis_metrics
    GRANT SELECT ON TABLES TO sluis_dashboard;

-- the portal reads the messages and writes what recipients do: code
-- attempts, one-time codes, sessions, replies, events, withdrawals, expiry
GRANT USAGE ON SCHEMA sluis_portal TO sluis_portal;
ALTER DEFAULT PRIVILEGES FOR ROLE sluis_milter IN SCHEMA sluis_portal
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sluis_portal;
