/* strings_data: the words of the open data (see strings.h): the data page and the data
 * dictionary's page (their labels, L_DATA_ keys, and their long texts, DATA_ keys: the
 * conventions, the progress formula, the OGP mapping) and the spreadsheets' (XLSX_), in
 * Portuguese and English. */
#include "view/strings.h"

const struct i18n_msg i18n_data_msgs[] = {
	{ "L_DATA_NOTE", "Nota sobre os dados", "Note on the data" },
	{ "L_DATA_THIS_PAGE", "Os dados desta página:", "This page's data:" },
	{ "L_DATA_ABOUT", "sobre os dados abertos", "about the open data" },
	{ "L_DATA_HEADING", "Dados abertos", "Open data" },
	{ "L_DATA_INTRO",
	    "Todos os dados deste sítio são abertos: descarregue-os aqui, em CSV ou JSON, ou "
	    "peça qualquer página em JSON ou CSV. O que cada coluna quer dizer está no "
	    "dicionário de dados.",
	    "All the data on this site is open: download it here, as CSV or JSON, or ask any "
	    "page for its JSON or CSV. What each column means is in the data dictionary." },
	{ "L_DATA_DOWNLOAD", "Descarregar", "Download" },
	{ "DATA_GET_COMMITMENTS", "Todos os compromissos (CSV)", "All commitments (CSV)" },
	{ "DATA_GET_MILESTONES", "Todos os marcos (CSV)", "All milestones (CSV)" },
	{ "DATA_GET_OGP", "Compromissos no formato do IRM da OGP (CSV)",
	    "Commitments in OGP's IRM format (CSV)" },
	{ "L_DATA_COLUMNS", "as colunas", "the columns" },
	{ "L_DATA_API", "API", "API" },
	{ "L_DATA_API_TEXT",
	    "Cada listagem, cada registo e cada ficheiro também responde em JSON; a API está "
	    "descrita em OpenAPI 3.1, com o esquema de cada resposta:",
	    "Every listing, every record and every file also answers in JSON; the API is "
	    "described in OpenAPI 3.1, with the schema of every answer:" },
	{ "L_DATA_DICTIONARY_LINK",
	    "O que cada conjunto de dados e cada campo contém, as convenções dos ficheiros, a "
	    "fórmula do progresso e quão certo é cada facto:",
	    "What each dataset and each field holds, the conventions of the files, the "
	    "progress formula and how sure each fact is:" },
	{ "L_DATA_DICTIONARY_INTRO",
	    "Cada conjunto de dados aberto deste sítio e cada um dos seus campos: o tipo, os "
	    "valores permitidos e o significado, em português e em inglês; antes, as "
	    "convenções comuns a todos os ficheiros.",
	    "Every open dataset of this site and each of its fields: the type, the allowed "
	    "values and the meaning, in Portuguese and English; first, the conventions common "
	    "to every file." },
	{ "DATA_OGP_MAPPING",
	    "As primeiras seis colunas têm os nomes das variáveis 1 a 6 do IRM Commitments "
	    "Data Guide 1.0 (CaseNo é o ogp_id; Responsible e Supporting Institution, os nomes "
	    "das entidades de leads e supports); as quatro seguintes, os nomes dos valores OGP "
	    "(as variáveis 8 a 10 do guia, «OGP Values»: Yes ou No, que o guia codifica 1 e 0). "
	    "As restantes são de commitments, com os mesmos nomes e códigos: os nomes que o "
	    "guia lhes dá não foram confirmados, e não se inventam. PoC Specified (variável 7) "
	    "não é registado e falta. Cada campo diz de onde vem.",
	    "The first six columns bear the names of variables 1 to 6 of the IRM Commitments "
	    "Data Guide 1.0 (CaseNo is the ogp_id; Responsible and Supporting Institution, the "
	    "names of the bodies of leads and supports); the next four, the names of the OGP "
	    "values (the guide's variables 8 to 10, \"OGP Values\": Yes or No, which the "
	    "guide codes 1 and 0). The rest are those of commitments, with the same names and "
	    "codes: the names the guide gives them were not confirmed, and none is made up. "
	    "PoC Specified (variable 7) is not recorded and is left out. Each field says "
	    "where it comes from." },
	{ "L_DATA_DATASETS", "Conjuntos de dados", "Datasets" },
	{ "L_DATA_CONTENTS", "Nesta página", "On this page" },
	{ "L_DATA_LICENCE", "Licença", "Licence" },
	{ "L_DATA_PUBLISHER",
	    "Os dados são publicados pela AMA (Agência para a Modernização Administrativa), "
	    "que coordena a Rede Nacional de Administração Aberta. São reunidos de fontes "
	    "públicas: cada registo indica as suas, e todas estão na tabela",
	    "The data is published by AMA (Agency for Administrative Modernisation), which "
	    "coordinates the National Network for Open Administration (RNAA). It is compiled "
	    "from public sources: each record names its own, and all of them are in the table" },
	{ "L_DATA_LICENCE_NONE", "Licença ainda não declarada.", "Licence not yet stated." },
	{ "L_DATA_LICENCE_SET", "Estes dados podem ser reutilizados nos termos desta licença:",
	    "This data may be reused under the terms of this licence:" },
	{ "L_DATA_LICENCE_NONE_TEXT",
	    "A AMA ainda não declarou sob que licença estes dados podem ser reutilizados, e "
	    "este sítio não afirma nenhuma em seu nome: nos ficheiros, o campo license é null "
	    "e o catálogo DCAT não indica licença. Cada fonte mantém os seus próprios termos.",
	    "AMA has not yet stated under which licence this data may be reused, and this site "
	    "claims none on its behalf: in the files the license field is null and the DCAT "
	    "catalogue names no licence. Each source keeps its own terms." },
	{ "L_DATA_PAGES_TEXT",
	    "Acrescente .json ou .csv ao endereço de uma listagem ou de "
	    "um detalhe (os planos, um plano, os compromissos, um compromisso, a rede, uma "
	    "entidade, os eventos, um evento), com os mesmos parâmetros: recebe os mesmos "
	    "registos que a página mostra, sem rótulos. Por exemplo:",
	    "Add .json or .csv to "
	    "the address of a listing or detail page (the plans, a plan, the commitments, a "
	    "commitment, the network, a body, the events, an event), with the same "
	    "parameters: you get the same records the page shows, without labels. For "
	    "example:" },
	{ "L_DATA_ACCEPT",
	    "Em alternativa, peça o endereço normal com o cabeçalho «Accept: "
	    "application/json» ou «Accept: text/csv».",
	    "Alternatively, ask for the plain "
	    "address with the header \"Accept: application/json\" or \"Accept: text/csv\"." },
	{ "L_DATA_BULK", "Descarregar tudo", "Download everything" },
	{ "L_DATA_BULK_TEXT",
	    "Uma tabela por ficheiro, sempre atual: os ficheiros são feitos "
	    "a partir da base de dados a cada pedido.",
	    "One table per file, always current: "
	    "the files are made from the database on every request." },
	{ "L_DATA_BULK_CAPTION", "Os conjuntos de dados, em CSV e JSON.",
	    "The datasets, as CSV and JSON." },
	{ "L_DATA_DATASET", "Conjunto", "Dataset" },
	{ "L_DATA_CONTENT", "Conteúdo", "Content" },
	{ "L_DATA_FORMATS", "Formatos", "Formats" },
	{ "L_DATA_CATALOG",
	    "Metadados DCAT-AP (JSON-LD) para o portal nacional de dados "
	    "abertos:",
	    "DCAT-AP metadata (JSON-LD) for the national open data portal:" },
	{ "L_DATA_IMPORT",
	    "Para a equipa: os ficheiros milestones e commitments (e o CSV dos "
	    "marcos de um compromisso) podem ser corrigidos numa folha de cálculo e "
	    "importados de novo, com uma simulação primeiro.",
	    "For staff: the milestones and "
	    "commitments files (and a commitment's milestones CSV) can be corrected in a "
	    "spreadsheet and imported again, with a dry run first." },
	{ "L_DATA_CONVENTIONS", "Convenções", "Conventions" },
	{ "L_DATA_PROGRESS_FIELDS",
	    "Nos dados, o progresso vem em quatro campos, calculados "
	    "exatamente como nas páginas: progress_percent (arredondado; null quando não há "
	    "dados, nunca 0), progress_known e progress_total (partes com dados e partes ao "
	    "todo) e progress_as_of (a data do valor datado mais recente; null quando nenhum "
	    "tem data).",
	    "In the data, progress "
	    "comes in four fields, computed exactly as on the pages: progress_percent "
	    "(rounded; null when there is no data, never 0), progress_known and progress_total "
	    "(parts with data and parts in all) and progress_as_of (the date of the latest "
	    "dated figure; null when none has a date)." },
	{ "L_DATA_DICTIONARY", "Dicionário de dados", "Data dictionary" },
	{ "L_DATA_CONFIDENCE", "Factos por confirmar", "Unconfirmed facts" },
	{ "L_DATA_CONFIDENCE_TEXT",
	    "As fontes nem sempre são seguras. Cada facto que pode ser posto em dúvida "
	    "(o identificador OGP de um compromisso, um título, quem lidera, a pertença de uma "
	    "entidade à rede, um valor de progresso, uma data) diz quão certo é:",
	    "Sources are not always sure. Every fact that can be doubted (a commitment's OGP "
	    "id, a title, who leads, a body's membership of the network, a progress figure, a "
	    "date) says how sure it is:" },
	{ "L_DATA_CONFIDENCE_DATA",
	    "Nos dados, esse grau vem num campo ao lado do facto (ogp_id_confidence, "
	    "title_pt_confidence, leads_confidence, member_confidence, progress_confidence, "
	    "confidence…), com os códigos confirmed, unconfirmed ou inferred; null quando o "
	    "facto não está registado.",
	    "In the data, that degree comes in a field beside the fact (ogp_id_confidence, "
	    "title_pt_confidence, leads_confidence, member_confidence, progress_confidence, "
	    "confidence...), with the codes confirmed, unconfirmed or inferred; null when the "
	    "fact is not recorded." },
	{ "DATA_CONF_CONFIRMED", "Uma fonte lida diz isto. Não leva marca.",
	    "A source we read says so. It carries no marker." },
	{ "DATA_CONF_UNCONFIRMED",
	    "A fonte é incerta ou indireta, ou o facto não foi verificado de novo. É o melhor "
	    "que se sabe, e por isso é mostrado, com esta marca, até uma fonte o confirmar.",
	    "The source is uncertain or indirect, or the fact was not checked again. It is the "
	    "best that is known, so it is shown, with this marker, until a source confirms "
	    "it." },
	{ "DATA_CONF_INFERRED",
	    "Nenhuma fonte o diz: foi deduzido de outros factos (por exemplo, um identificador "
	    "OGP deduzido da ordem dos compromissos). Leva esta marca até uma fonte o "
	    "confirmar.",
	    "No source says so: it was deduced from other facts (for example, an OGP id "
	    "deduced from the order of the commitments). It carries this marker until a "
	    "source confirms it." },
	{ "L_DATA_DATES", "As datas dos valores", "The dates of the figures" },
	{ "L_DATA_DATES_TEXT",
	    "Cada valor de progresso traz a data a que se refere e a forma como essa data é "
	    "conhecida (o campo progress_as_of_kind, self_as_of_kind ou as_of_kind):",
	    "Every progress figure carries the date it refers to and how that date is known "
	    "(the field progress_as_of_kind, self_as_of_kind or as_of_kind):" },
	{ "DATA_ASOF_STATED", "Numa data indicada", "On a stated date" },
	{ "DATA_ASOF_STATED_TEXT", "A fonte diz a que dia o valor se refere.",
	    "The source says which day the figure refers to." },
	{ "DATA_ASOF_PUBLICATION", "Num relatório de uma data", "In a report of a date" },
	{ "DATA_ASOF_PUBLICATION_TEXT",
	    "A fonte não data o valor; vale a data do relatório que o publica.",
	    "The source does not date the figure; the date is that of the report that "
	    "publishes it." },
	{ "DATA_ASOF_NOT_BEFORE", "Publicado nessa data ou depois",
	    "Published on or after a date" },
	{ "DATA_ASOF_NOT_BEFORE_TEXT",
	    "Só se sabe que o valor foi publicado nessa data ou mais tarde.",
	    "All that is known is that the figure was published on that date or later." },
	{ "DATA_ASOF_APPROXIMATE", "Por volta de uma data", "About a date" },
	{ "DATA_ASOF_APPROXIMATE_TEXT",
	    "A data foi estimada pelo contexto (o ano ou o período de que a fonte fala).",
	    "The date was estimated from its context (the year or the period the source "
	    "speaks of)." },
	{ "DATA_ASOF_UNKNOWN", "Data não registada", "Date not recorded" },
	{ "DATA_ASOF_UNKNOWN_TEXT",
	    "Não se sabe a que data o valor se refere: a página diz «data não registada» e, "
	    "nos dados, a data fica vazia.",
	    "It is not known which date the figure refers to: the page says \"date not "
	    "recorded\" and, in the data, the date is empty." },
	{ "L_DATA_DATES_SPAN",
	    "Um compromisso, um plano ou uma entidade junta valores de datas diferentes: "
	    "mostra o intervalo das datas em que assenta (por exemplo, «valores de 2020 a "
	    "2025») e diz quantos valores não têm data.",
	    "A commitment, a plan or a body brings together figures of different dates: it "
	    "shows the span of the dates it rests on (for example, \"figures from 2020 to "
	    "2025\") and says how many figures have no date." },
	{ "L_DATA_DATES_IMPORT",
	    "A data em que um registo foi importado ou editado neste sítio nunca é mostrada "
	    "como a data de um valor. Nos dados, essa data é updated_at (a última alteração "
	    "do registo); progress_as_of, self_as_of e as_of ficam vazios quando a data do "
	    "valor não foi registada.",
	    "The date a record was imported or edited on this site is never shown as the date "
	    "of a figure. In the data, that date is updated_at (the record's last change); "
	    "progress_as_of, self_as_of and as_of are empty when the figure's date was not "
	    "recorded." },
	{ "L_DATA_DICTIONARY_TEXT",
	    "Cada conjunto de dados e os seus campos, pela ordem das "
	    "chaves JSON e das colunas CSV; o significado, o tipo e os valores permitidos de "
	    "cada campo estão na tabela de campos, a seguir.",
	    "Each dataset and its fields, in "
	    "the order of the JSON keys and CSV columns; the meaning, type and allowed values "
	    "of every field are in the table of fields below." },
	{ "L_DATA_FIELDS", "Campos", "Fields" },
	{ "L_DATA_FIELDS_CAPTION", "Todos os campos de todos os conjuntos de dados.",
	    "Every field of every dataset." },
	{ "L_DATA_FIELD", "Campo", "Field" },
	{ "L_DATA_TYPE", "Tipo", "Type" },
	{ "L_DATA_VALUES", "Valores permitidos", "Allowed values" },
	{ "L_DATA_MEANING", "Significado", "Meaning" },
	{ "DATA_WHERE_BULK", "Ficheiros:", "Files:" },
	{ "XLSX_SHEET", "Folha", "Sheet" },
	{ "XLSX_FIELDS_SHEET", "Campos", "Fields" },
	{ "XLSX_NOTE",
	    "Números, percentagens, valores lógicos, datas completas (AAAA-MM-DD) e horas UTC "
	    "são células desse tipo; uma data conhecida só pelo ano ou pelo mês fica em texto "
	    "ISO 8601; listas separadas por \"; \"; um texto de mais de 32 767 carateres é "
	    "cortado aí (o limite de uma célula).  Os mesmos dados inteiros em CSV e JSON: "
	    "/pt/data.",
	    "Numbers, percentages, booleans, complete dates (YYYY-MM-DD) and UTC times are "
	    "cells of that type; a date known only to its year or month stays ISO 8601 text; "
	    "lists are separated by \"; \"; a text of more than 32,767 characters is cut there "
	    "(a cell's limit).  The same data in full as CSV and JSON: /en/data." },
	{ "DATA_WHERE_PAGES", "Nas páginas:", "On the pages:" },
	{ "DATA_CONV_1",
	    "JSON: um objeto com dataset, url, license, modified e records "
	    "(listagens) ou record (detalhes), indentado com 2 espaços; as chaves vêm pela "
	    "ordem documentada abaixo (a das colunas do CSV), não por ordem alfabética.",
	    "JSON: an object with dataset, url, license, modified and records (listings) or "
	    "record (details), indented by 2 spaces; keys come in the order documented below "
	    "(that of the CSV columns), not in alphabetical order." },
	{ "DATA_CONV_2",
	    "CSV: RFC 4180, UTF-8 sem BOM, linhas terminadas em CRLF, uma linha "
	    "de cabeçalho com os nomes dos campos e uma linha por registo; um campo com "
	    "vírgula, aspas ou mudança de linha vem entre aspas, com as aspas duplicadas; um "
	    "texto que uma folha de cálculo leria como fórmula (começado por =, +, -, @, "
	    "tabulação ou CR, depois de eventuais apóstrofos) leva um apóstrofo à frente.",
	    "CSV: RFC 4180, UTF-8 without BOM, CRLF line ends, a header row of field names and "
	    "one row per record; a field holding a comma, a double quote or a line break is "
	    "quoted, its double quotes doubled; a text a spreadsheet would read as a formula "
	    "(starting, after any apostrophes, with =, +, -, @, a tab or a CR) gets one "
	    "leading apostrophe." },
	{ "DATA_CONV_3",
	    "Texto nas duas línguas: campos em par, <nome>_pt e <nome>_en "
	    "(title_pt, title_en).",
	    "Text in both languages: paired fields, <name>_pt and <name>_en (title_pt, "
	    "title_en)." },
	{ "DATA_CONV_4",
	    "Campos com vários valores: listas em JSON; no CSV, os valores "
	    "separados por «; ».",
	    "Many-valued fields: lists in JSON; in CSV, the values "
	    "separated by \"; \"." },
	{ "DATA_CONV_5",
	    "O que não se sabe: null em JSON e campo vazio no CSV, nunca zero "
	    "nem «não». Booleanos: true ou false.",
	    "What is not known: null in JSON and an "
	    "empty CSV field, never zero or \"no\". Booleans: true or false." },
	{ "DATA_CONV_6",
	    "Identificadores OGP, datas ISO 8601 (AAAA, AAAA-MM ou AAAA-MM-DD; "
	    "horas em UTC) e códigos são iguais nas duas línguas e em todos os formatos; os "
	    "rótulos só existem nas páginas.",
	    "OGP ids, ISO 8601 dates (YYYY, YYYY-MM or "
	    "YYYY-MM-DD; times in UTC) and codes are the same in both languages and every "
	    "format; labels exist only on the pages." },
	{ "DATA_CONV_8",
	    "Ao lado de um facto que pode ser posto em dúvida, um campo <nome>_confidence (ou "
	    "confidence) diz quão certo é: confirmed, unconfirmed ou inferred (ver «Factos por "
	    "confirmar»); a data de cada valor vem com a forma como é conhecida, "
	    "<nome>_as_of_kind (ver «As datas dos valores»).",
	    "Beside a fact that can be doubted, a field <name>_confidence (or confidence) says "
	    "how sure it is: confirmed, unconfirmed or inferred (see \"Unconfirmed facts\"); "
	    "the date of each figure comes with how it is known, <name>_as_of_kind (see \"The "
	    "dates of the figures\")." },
	{ "DATA_CONV_7",
	    "A língua do endereço só muda os campos url (ligações para as "
	    "páginas nessa língua); os ficheiros completos trazem url_pt e url_en.",
	    "The language of the address only changes the url fields (links to the pages in "
	    "that language); the whole-table files carry url_pt and url_en." },
};

const size_t i18n_ndata_msgs = sizeof i18n_data_msgs / sizeof i18n_data_msgs[0];

_Static_assert(sizeof i18n_data_msgs / sizeof i18n_data_msgs[0] <= I18N_MSGS_MAX / 8,
    "an eighth of I18N_MSGS_MAX holds the open data's words");
