/* strings_errors: the error messages (ERR_ keys) of the pages, the forms and the open
 * data, in Portuguese and English (see strings.h). */
#include "view/strings.h"

const struct i18n_msg i18n_err_msgs[] = {
	{ "ERR_SEARCH_TOO_LONG",
	    "Pesquisa demasiado longa: use no máximo 200 carateres e 12 "
	    "palavras.",
	    "Search too long: use at most 200 characters and 12 words." },
	{ "ERR_SEARCH_NO_WORDS",
	    "A pesquisa não tem palavras para procurar: escreva letras ou "
	    "algarismos.",
	    "The search has no words to look for: type letters or digits." },
	{ "ERR_PAGE_OUT", "Esta página de resultados não existe: a pesquisa tem menos páginas.",
	    "This page of results does not exist: the search has fewer pages." },
	{ "ERR_BAD_PAGE", "O número da página (page) é um número inteiro de 1 a 500.",
	    "The page number (page) is a whole number from 1 to 500." },
	{ "ERR_PARAM_REPEATED", "Um parâmetro da pesquisa aparece mais de uma vez no endereço.",
	    "A search parameter appears more than once in the address." },
	{ "ERR_FACET_PLAN", "O filtro plan é o número de um plano, de 1 a 999.",
	    "The plan filter is a plan number, from 1 to 999." },
	{ "ERR_FACET_STATUS",
	    "O filtro status aceita no_evidence, not_started, limited, "
	    "substantial, complete, withdrawn ou none.",
	    "The status filter takes no_evidence, "
	    "not_started, limited, substantial, complete, withdrawn or none." },
	{ "ERR_FACET_LEAD",
	    "O filtro lead é o identificador de uma entidade: letras "
	    "minúsculas, algarismos e hífenes.",
	    "The lead filter is a body's identifier: "
	    "lower-case letters, digits and hyphens." },
	{ "ERR_FACET_VALUE",
	    "O filtro value aceita access_to_information, civic_participation, "
	    "public_accountability ou technology_innovation.",
	    "The value filter takes "
	    "access_to_information, civic_participation, public_accountability or "
	    "technology_innovation." },
	{ "ERR_FACET_LATE", "O filtro late só aceita o valor overdue (em atraso).",
	    "The late filter takes only the value overdue." },
	{ "ERR_FACET_AREA",
	    "O filtro area é o identificador de uma área temática: letras "
	    "minúsculas, algarismos e hífenes.",
	    "The area filter is a policy area's identifier: "
	    "lower-case letters, digits and hyphens." },
	{ "ERR_BAD_SORT", "A ordenação (sort) aceita plan, status, progress ou end.",
	    "The order (sort) takes plan, status, progress or end." },
	{ "ERR_NOT_FOUND",
	    "Não existe nenhuma página neste endereço. Verifique o endereço ou "
	    "use as ligações abaixo.",
	    "There is no page at this address. Check the address or "
	    "use the links below." },
	{ "ERR_LANG", "O sítio existe em português (/pt/) e em inglês (/en/).",
	    "The site exists in Portuguese (/pt/) and English (/en/)." },
	{ "ERR_BAD_PATH", "O endereço pedido não é válido.",
	    "The address requested is not "
	    "valid." },
	{ "ERR_BAD_ENCODING",
	    "O endereço contém uma codificação inválida (percentagens ou "
	    "UTF-8 mal formados).",
	    "The address contains invalid encoding (malformed percent "
	    "escapes or UTF-8)." },
	{ "ERR_TOO_LONG", "O endereço ou os parâmetros são demasiado longos.",
	    "The address or its parameters are too long." },
	{ "ERR_TOO_MANY_PARAMS", "O pedido tem demasiados parâmetros.",
	    "The request has too many parameters." },
	{ "ERR_BAD_PLAN_NUMBER",
	    "O número de um plano é um número inteiro de 1 a 999, por "
	    "exemplo /pt/plans/2.",
	    "A plan number is a whole number from 1 to 999, for example "
	    "/en/plans/2." },
	{ "ERR_BAD_EVENT_ID", "O identificador de um evento é um número inteiro positivo.",
	    "An event id is a positive whole number." },
	{ "ERR_BAD_OGP_ID",
	    "Um identificador OGP tem duas letras e quatro algarismos, por "
	    "exemplo PT0013.",
	    "An OGP id has two letters and four digits, for example PT0013." },
	{ "ERR_BAD_SLUG",
	    "O identificador de uma entidade tem apenas letras minúsculas, "
	    "algarismos e hífenes.",
	    "A body's identifier has only lower-case letters, digits "
	    "and hyphens." },
	{ "ERR_NO_PLAN", "Não existe nenhum plano com esse número.",
	    "There is no plan with that number." },
	{ "ERR_BAD_SNAPSHOT_ADDRESS",
	    "O endereço do estado fixado de um plano é /pt/plans/N/as-of/AAAA-MM-DD: N o número "
	    "do plano (1 a 999) e a data um dia do calendário, por exemplo "
	    "/pt/plans/2/as-of/2026-12-07.",
	    "The address of a plan's frozen state is /en/plans/N/as-of/YYYY-MM-DD: N the plan's "
	    "number (1 to 999) and the date a calendar day, for example "
	    "/en/plans/2/as-of/2026-12-07." },
	{ "ERR_NO_SNAPSHOT",
	    "Este plano não tem nenhum estado fixado nesse dia. Os dias que têm um estão "
	    "listados na página do plano, em «Estados fixados».",
	    "This plan has no frozen state on that day. The days that have one are listed on "
	    "the plan's page, under \"Frozen states\"." },
	{ "ERR_NO_COMMITMENT", "Não existe nenhum compromisso com esse identificador.",
	    "There is no commitment with that id." },
	{ "ERR_NO_MEMBER", "Não existe nenhuma entidade com esse identificador.",
	    "There is no body with that identifier." },
	{ "ERR_NO_EVENT", "Não existe nenhum evento com esse identificador.",
	    "There is no event with that id." },
	{ "ERR_NO_PAGE", "Esta página ainda não foi escrita.",
	    "This page has not been written "
	    "yet." },
	{ "ERR_METHOD", "Este endereço não aceita esse método.",
	    "This address does not accept "
	    "that method." },
	{ "ERR_TOKEN_USED",
	    "Este endereço de confirmação já foi usado ou expirou (vale 7 dias). "
	    "Se já confirmou, não precisa de fazer mais nada.",
	    "This confirmation link has "
	    "already been used or has expired (it is valid for 7 days). If you have already "
	    "confirmed, there is nothing more to do." },
	{ "ERR_WITHDRAW_USED", "Este contributo já foi retirado ou apagado.",
	    "This submission has already been withdrawn or deleted." },
	{ "ERR_TOKEN", "Este endereço não é válido. Copie-o por inteiro do email.",
	    "This link is not valid. Copy it whole from the email." },
	{ "ERR_NO_CONSULTATION", "Não existe essa consulta.", "There is no such consultation." },
	{ "ERR_BAD_CONSULTATION_ID", "O número da consulta não é válido.",
	    "The consultation number is not valid." },
	{ "ERR_NOT_OPEN_YET",
	    "Esta consulta ainda não abriu: não aceita contributos. O seu "
	    "texto está abaixo para o guardar.",
	    "This consultation has not opened yet: it does "
	    "not take submissions. Your text is below so that you can keep it." },
	{ "ERR_CLOSED",
	    "Esta consulta já fechou: não aceita mais contributos. O seu texto "
	    "está abaixo para o guardar.",
	    "This consultation has closed: it takes no more "
	    "submissions. Your text is below so that you can keep it." },
	{ "ERR_FORM", "Há campos por corrigir. O que escreveu está guardado abaixo.",
	    "Some fields need correcting. What you wrote is kept below." },
	{ "ERR_RATE",
	    "Recebemos demasiados contributos da sua rede ou deste email na última hora "
	    "ou no último dia. Tente de novo mais tarde; o seu texto está abaixo.",
	    "We have received too many submissions from your network or this email in the "
	    "last hour or the last day. Please try again later; your text is below." },
	{ "ERR_POW",
	    "Estão a chegar muitos contributos. Para proteger o sítio, quem já enviou vários "
	    "hoje espera alguns segundos antes de cada novo envio.",
	    "Many submissions are arriving. To protect the site, whoever has already sent "
	    "several today waits a few seconds before each new one." },
	{ "ERR_CSRF_PUBLIC",
	    "O pedido foi recusado porque não veio de um formulário deste "
	    "sítio.",
	    "The request was refused because it did not come from a form of this site." },
	{ "ERR_F_REQUIRED", "Campo obrigatório.", "This field is required." },
	{ "ERR_F_TOO_LONG", "Texto demasiado longo.", "The text is too long." },
	{ "ERR_F_TOO_SHORT", "Texto demasiado curto (pelo menos 10 carateres).",
	    "The text is too short (at least 10 characters)." },
	{ "ERR_F_BAD_TEXT", "O texto tem carateres inválidos.",
	    "The text has invalid characters." },
	{ "ERR_F_EMAIL", "Endereço de email inválido.", "Invalid email address." },
	{ "ERR_F_CONSENT", "É preciso aceitar as condições para enviar.",
	    "You need to agree to the terms to send." },
	{ "ERR_F_CHOICE", "Escolha uma das opções.", "Choose one of the options." },
	{ "ERR_FOLLOW_NOTHING",
	    "Não há nada para seguir aqui: a página de onde veio o pedido já não existe.",
	    "There is nothing to follow here: the page the request came from no longer exists." },
	{ "ERR_FOLLOW_RATE",
	    "Recebemos demasiados pedidos da sua rede ou para este email na última hora ou no "
	    "último dia. Tente de novo mais tarde; o que escreveu está abaixo.",
	    "We received too many requests from your network or for this email in the last hour "
	    "or day. Please try again later; what you typed is below." },
	{ "ERR_FOLLOW_POW",
	    "Estão a chegar muitos pedidos. Para proteger o sítio, quem já fez vários hoje espera "
	    "alguns segundos antes de cada novo pedido.",
	    "Many requests are arriving. To protect the site, whoever has already made several "
	    "today waits a few seconds before each new one." },
	{ "ERR_FOLLOW_USED",
	    "Esta ligação de confirmação já foi usada ou expirou (vale 7 dias). Se ainda não "
	    "segue, peça de novo na página do que quer seguir.",
	    "This confirmation link has been used or has expired (it works for 7 days). If you "
	    "do not follow yet, ask again on the page of what you want to follow." },
	{ "ERR_FOLLOW_GONE",
	    "Esta ligação já não serve: o endereço a que foi enviada não segue nada neste sítio "
	    "(deixou de seguir, ou o pedido não foi confirmado a tempo).",
	    "This link no longer works: the address it was sent to follows nothing on this site "
	    "(it stopped, or the request was not confirmed in time)." },
	{ "ERR_FOLLOW_FORM",
	    "Nada foi alterado: o pedido não corresponde a nenhum dos alertas deste endereço. "
	    "Recarregue a página e tente de novo.",
	    "Nothing was changed: the request matches none of this address's alerts. Reload the "
	    "page and try again." },
	{ "ERR_FOLLOW_ONE_CLICK",
	    "Este endereço só aceita o pedido de um clique (List-Unsubscribe=One-Click). Abra a "
	    "página e carregue no botão.",
	    "This address only takes the one-click request (List-Unsubscribe=One-Click). Open the "
	    "page and press the button." },
	{ "ERR_INTERNAL", "Ocorreu um erro do nosso lado. Tente de novo dentro de momentos.",
	    "Something went wrong on our side. Please try again in a moment." },
	{ "ERR_FORBIDDEN", "A sua conta não tem permissão para esta página ou ação.",
	    "Your account is not allowed to use this page or action." },
	{ "ERR_CSRF",
	    "O pedido foi recusado porque não veio de um formulário deste sítio, ou "
	    "o formulário expirou. Volte à página anterior, recarregue-a e tente de novo.",
	    "The request was refused because it did not come from a form of this site, or the "
	    "form expired. Go back, reload the page and try again." },
	{ "ERR_TOO_BIG", "O pedido é demasiado grande.", "The request is too large." },
	{ "ERR_BAD_BODY", "O corpo do pedido está incompleto ou mal formado.",
	    "The body of the request is incomplete or malformed." },
	{ "ERR_PW_SHORT", "A palavra-passe tem de ter pelo menos 8 carateres.",
	    "The password must have at least 8 characters." },
	{ "ERR_PW_LONG", "A palavra-passe é demasiado longa.", "The password is too long." },
	{ "ERR_PW_COMMON", "Essa palavra-passe é demasiado comum. Escolha outra.",
	    "That password is too common. Choose another." },
	{ "ERR_BUSY", "O sítio está ocupado. Tente de novo dentro de momentos.",
	    "The site is busy. Please try again in a moment." },
	{ "ERR_DB_BUSY",
	    "A base de dados está ocupada com outra operação demorada e nada foi "
	    "alterado. Volte atrás e tente de novo dentro de momentos.",
	    "The database is busy "
	    "with another long operation and nothing was changed. Go back and try again in a "
	    "moment." },
	{ "ERR_DB_READONLY",
	    "A base de dados está, neste momento, só de leitura: o sítio "
	    "pode ser consultado, mas nada pode ser gravado, e nada foi alterado. Avise a equipa "
	    "técnica; quando o problema estiver resolvido, volte atrás e grave de novo.",
	    "The database is read-only at the moment: the site can be read, but nothing can be "
	    "saved, and nothing was changed. Tell the technical team; once it is fixed, go back "
	    "and save again." },
	{ "ERR_DB_FULL",
	    "O disco do servidor está cheio: nada pode ser gravado, e nada foi "
	    "alterado. O sítio público continua a funcionar. Avise a equipa técnica; quando "
	    "houver espaço, volte atrás e grave de novo.",
	    "The server's disk is full: nothing "
	    "can be saved, and nothing was changed. The public site still works. Tell the "
	    "technical team; once there is space, go back and save again." },
	{ "ERR_DB_IO",
	    "Erro de leitura ou escrita no disco do servidor: a operação não foi "
	    "concluída e nada foi alterado. Avise a equipa técnica.",
	    "A read or write error on "
	    "the server's disk: the operation did not complete and nothing was changed. Tell the "
	    "technical team." },
};

const size_t i18n_nerr_msgs = sizeof i18n_err_msgs / sizeof i18n_err_msgs[0];

_Static_assert(sizeof i18n_err_msgs / sizeof i18n_err_msgs[0] <= I18N_MSGS_MAX / 4,
    "a quarter of I18N_MSGS_MAX holds the error messages");
