/* The migrations compiled into the programs (generated sql_embed.c). */
#ifndef ABERTA_SQL_EMBED_H
#define ABERTA_SQL_EMBED_H
extern const char *const  sql_migrations[];    /* SQL of migration i+1 */
extern const unsigned int sql_migration_count; /* how many */
#endif
