/*
 * relations: the statements of a commitment's sets that the one-row editing engine does
 * not cover (admin/admin_relations.c): the bodies that lead it and support it, its OGP
 * values and its policy areas.  For each set, its members as one line of labels (the
 * before and after of the revision log), its clearing and the adding of one member;
 * the candidates of each form list; the commitment itself and its revision row.  Each
 * lead and support has its own facts (how sure the role is, a precision on it in each
 * language), kept across saves; the partners and proposers (commitment_party) are read
 * here only.
 */
#ifndef ABERTA_RELATIONS_H
#define ABERTA_RELATIONS_H
#include <sqlite3.h>

enum relations_stmt {
	RL_LEADS,       /* ?1 commitment: its leads' labels, "; "-separated: RLV_ */
	RL_LEADS_CLEAR, /* ?1 commitment: no lead */
	RL_LEAD_ADD,    /* ?1 commitment, ?2 body, ?3 position, ?4 confidence (NULL:
			 * confirmed, the schema's default), ?5 role_pt, ?6 role_en */
	RL_SUPPORTS,    /* the same for the supporting bodies */
	RL_SUPPORTS_CLEAR,
	RL_SUPPORT_ADD,
	RL_VALUES, /* the same for the OGP values (?2 the value's code) */
	RL_VALUES_CLEAR,
	RL_VALUE_ADD,
	RL_AREAS, /* the same for the policy areas (?2 the area) */
	RL_AREAS_CLEAR,
	RL_AREA_ADD,
	RL_LEAD_OPTIONS,    /* ?1 commitment: every body, RLO_SEL when it leads it */
	RL_SUPPORT_OPTIONS, /* every body, RLO_SEL when it supports it */
	RL_AREA_OPTIONS,    /* every policy area, RLO_SEL when it is one of its own */
	RL_OGP_ID,          /* ?1 commitment: its OGP id (RLV_) */
	RL_PLAN_ID,         /* ?1 commitment: its plan's id (RLV_) */
	RL_CHANGE_ID,       /* a new change id of the revision log (RLV_) */
	RL_REVISION,        /* a set's revision row: ?1 change, ?2 staff id, ?3 actor,
				 * ?4 commitment, ?5 plan, ?6 field, ?7 before, ?8 after */
	RL_TOUCH,           /* ?1 commitment changed now */
	RL_ROLES,           /* ?1 commitment: every lead and support with its role's facts,
			     * "; "-separated (the revision's before and after): RLV_ */
	RL_ROLE_ROWS,       /* ?1 commitment: its leads, then its supports: RLR_ */
	RL_PARTIES,         /* ?1 commitment: its partners and proposers: RLP_ */
	RL__MAX
};

/* The one column of RL_LEADS, RL_SUPPORTS, RL_VALUES, RL_AREAS, RL_OGP_ID, RL_PLAN_ID
 * and RL_CHANGE_ID. */
enum { RLV_VALUE };
/* The columns of the *_OPTIONS statements. */
enum { RLO_ID, RLO_LABEL, RLO_SEL };
/* The columns of RL_ROLE_ROWS. */
enum { RLR_ENTITY, RLR_ROLE, RLR_LABEL, RLR_CONFIDENCE, RLR_ROLE_PT, RLR_ROLE_EN };
/* The columns of RL_PARTIES. */
enum { RLP_LABEL, RLP_RELATION, RLP_NOTE_PT, RLP_NOTE_EN, RLP_SOURCE };

/* Statement id of the writable connection, reset and with its bindings cleared. */
sqlite3_stmt *relations_stmt(enum relations_stmt id);

#endif
