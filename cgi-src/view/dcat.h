/* dcat: the DCAT-AP 3.0.0 catalogue of the open data, /data/catalog.jsonld (JSON-LD, its
 * @context inline).  It describes every bulk table of the data dictionary (datadict.h:
 * the XW_BULK datasets, with their titles and descriptions in both languages) as a
 * dcat:Dataset with one dcat:Distribution a file format, the JSON API as a
 * dcat:DataService described by /data/openapi.json, and types every object as the
 * DCAT-AP shapes' range checks want (the EU vocabularies' file types, languages,
 * frequency and data theme GOVE, IANA media types, foaf:Document, rdfs:Resource).
 * Dates: a dataset's dct:issued is when the schema version that made its tables was
 * applied to this database; dct:modified the content's last change (never before
 * issued).  The licence is the deployment's setting ABERTA_DATA_LICENSE; while it is
 * unset the catalogue names none and says so in a dct:rights statement.  No
 * dcatap:applicableLegislation: no EU act mandates these datasets (they are not among
 * the high-value datasets of Regulation (EU) 2023/138). */
#ifndef ABERTA_DCAT_H
#define ABERTA_DCAT_H
#include <jansson.h>

/* The catalogue as a new JSON-LD object (NULL when it cannot be made). */
json_t *dcat_catalog(void);

#endif
