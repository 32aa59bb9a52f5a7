/*
 * strings - the portal's texts. See strings.h.
 *
 * Plain words for people who did not ask for a portal: a patient, a family
 * member, a colleague elsewhere. No jargon ("token", "session", "OTP").
 */
#include "strings.h"

#include <string.h>

static const char *const texts[S_COUNT][LANGS] = {
    [S_SECURE_MESSAGE] = {"Beveiligd bericht", "Secure message", "Message sécurisé"},
    [S_FROM_ORG] = {"{} heeft u een beveiligd bericht gestuurd.",
                    "{} has sent you a secure message.", "{} vous a envoyé un message sécurisé."},
    [S_AVAILABLE_UNTIL] = {"U kunt het bericht lezen tot {}.", "You can read the message until {}.",
                           "Vous pouvez lire le message jusqu'au {}."},
    [S_VERIFY_CODE_INTRO] = {"Vul de toegangscode in die u van de afzender kreeg, meestal "
                             "telefonisch.",
                             "Enter the access code the sender gave you, usually by phone.",
                             "Saisissez le code d'accès que l'expéditeur vous a donné, "
                             "généralement par téléphone."},
    [S_VERIFY_EMAIL_INTRO] = {"Om te controleren dat u de ontvanger bent, sturen wij een code "
                              "naar uw e-mailadres.",
                              "To check that you are the recipient, we send a code to your "
                              "e-mail address.",
                              "Pour vérifier que vous êtes le destinataire, nous envoyons un "
                              "code à votre adresse e-mail."},
    [S_VERIFY_SMS_INTRO] = {"Om te controleren dat u de ontvanger bent, sturen wij een code per "
                            "sms naar uw telefoon.",
                            "To check that you are the recipient, we send a code by text "
                            "message to your phone.",
                            "Pour vérifier que vous êtes le destinataire, nous envoyons un code "
                            "par SMS à votre téléphone."},
    [S_SEND_CODE] = {"Stuur mij een code", "Send me a code", "Envoyez-moi un code"},
    [S_SEND_AGAIN] = {"Stuur een nieuwe code", "Send a new code", "Envoyer un nouveau code"},
    [S_SENT_EMAIL] = {"Wij hebben een code gestuurd naar {}. De code is 10 minuten geldig.",
                      "We sent a code to {}. The code is valid for 10 minutes.",
                      "Nous avons envoyé un code à {}. Le code est valable 10 minutes."},
    [S_SENT_SMS] = {"Wij hebben een code per sms gestuurd naar {}. De code is 10 minuten geldig.",
                    "We sent a code by text message to {}. The code is valid for 10 minutes.",
                    "Nous avons envoyé un code par SMS au {}. Le code est valable 10 minutes."},
    [S_CODE_LABEL] = {"Code (6 cijfers)", "Code (6 digits)", "Code (6 chiffres)"},
    [S_CODE_HINT] = {"Alleen de zes cijfers.", "Just the six digits.",
                     "Uniquement les six chiffres."},
    [S_OPEN] = {"Bericht openen", "Open message", "Ouvrir le message"},
    [S_WRONG_CODE] = {"Deze code klopt niet. U kunt het nog {} keer proberen.",
                      "This code is not right. You can try {} more times.",
                      "Ce code n'est pas correct. Il vous reste {} essais."},
    [S_NO_CODE] = {"Er is geen geldige code. Vraag hieronder een nieuwe code aan.",
                   "There is no valid code. Ask for a new code below.",
                   "Il n'y a pas de code valable. Demandez un nouveau code ci-dessous."},
    [S_SEND_FAILED] = {"De code kon nu niet worden verstuurd. Probeer het over een paar minuten "
                       "opnieuw.",
                       "The code could not be sent just now. Please try again in a few minutes.",
                       "Le code n'a pas pu être envoyé. Réessayez dans quelques minutes."},
    [S_LOCKED_TITLE] = {"Deze link is geblokkeerd", "This link is locked", "Ce lien est bloqué"},
    [S_LOCKED_TEXT] = {"Er is te vaak een verkeerde code ingevuld. Om het bericht te beschermen "
                       "kan het via deze link niet meer worden geopend. Neem contact op met de "
                       "afzender; die kan het opnieuw sturen.",
                       "A wrong code was entered too often. To protect the message, this link "
                       "can no longer open it. Please contact the sender, who can send it again.",
                       "Un code erroné a été saisi trop souvent. Pour protéger le message, ce "
                       "lien ne peut plus l'ouvrir. Contactez l'expéditeur, qui peut le "
                       "renvoyer."},
    [S_TOO_MANY_TITLE] = {"Te veel pogingen", "Too many attempts", "Trop de tentatives"},
    [S_TOO_MANY_TEXT] = {"Vanaf uw verbinding zijn te veel verkeerde codes ingevuld. Probeer het "
                         "over een uur opnieuw.",
                         "Too many wrong codes were entered from your connection. Please try "
                         "again in an hour.",
                         "Trop de codes erronés ont été saisis depuis votre connexion. Réessayez "
                         "dans une heure."},
    [S_TOO_MANY_SENDS_TEXT] = {"Er zijn te veel codes aangevraagd. Probeer het over een uur "
                               "opnieuw.",
                               "Too many codes were requested. Please try again in an hour.",
                               "Trop de codes ont été demandés. Réessayez dans une heure."},
    [S_EXPIRED_TITLE] = {"Dit bericht is verlopen", "This message has expired",
                         "Ce message a expiré"},
    [S_EXPIRED_TEXT] = {"Beveiligde berichten blijven een beperkte tijd beschikbaar. Vraag de "
                        "afzender om het opnieuw te sturen als u het nog nodig hebt.",
                        "Secure messages are available for a limited time. Ask the sender to "
                        "send it again if you still need it.",
                        "Les messages sécurisés restent disponibles un temps limité. Demandez à "
                        "l'expéditeur de le renvoyer si vous en avez encore besoin."},
    [S_REVOKED_TITLE] = {"Dit bericht is ingetrokken", "This message was withdrawn",
                         "Ce message a été retiré"},
    [S_REVOKED_TEXT] = {"De afzender heeft dit bericht ingetrokken. Het kan niet meer worden "
                        "geopend.",
                        "The sender withdrew this message. It can no longer be opened.",
                        "L'expéditeur a retiré ce message. Il ne peut plus être ouvert."},
    [S_UNKNOWN_TITLE] = {"Deze link werkt niet", "This link does not work",
                         "Ce lien ne fonctionne pas"},
    [S_UNKNOWN_TEXT] = {"Controleer of u de hele link uit de e-mail hebt gebruikt. Werkt het nog "
                        "steeds niet, neem dan contact op met de afzender.",
                        "Check that you used the whole link from the e-mail. If it still does "
                        "not work, please contact the sender.",
                        "Vérifiez que vous avez utilisé le lien complet de l'e-mail. Si cela ne "
                        "fonctionne toujours pas, contactez l'expéditeur."},
    [S_ERROR_TITLE] = {"Er ging iets mis", "Something went wrong", "Une erreur s'est produite"},
    [S_ERROR_TEXT] = {"Het bericht is veilig bewaard, maar kan nu niet worden getoond. Probeer "
                      "het over een paar minuten opnieuw.",
                      "The message is kept safe, but cannot be shown just now. Please try again "
                      "in a few minutes.",
                      "Le message est conservé en sécurité, mais ne peut pas être affiché pour "
                      "le moment. Réessayez dans quelques minutes."},
    [S_BAD_REQUEST_TEXT] = {"Dit verzoek kon niet worden verwerkt. Ga terug en probeer het "
                            "opnieuw.",
                            "This request could not be handled. Please go back and try again.",
                            "Cette demande n'a pas pu être traitée. Revenez en arrière et "
                            "réessayez."},
    [S_FROM] = {"Van", "From", "De"},
    [S_TO] = {"Aan", "To", "À"},
    [S_DATE] = {"Datum", "Date", "Date"},
    [S_ATTACHMENTS] = {"Bijlagen", "Attachments", "Pièces jointes"},
    [S_THREAD] = {"Uw antwoorden", "Your replies", "Vos réponses"},
    [S_YOU_REPLIED] = {"U antwoordde op {}", "You replied on {}", "Vous avez répondu le {}"},
    [S_REPLY_TITLE] = {"Beveiligd antwoorden", "Reply securely", "Répondre en sécurité"},
    [S_REPLY_LABEL] = {"Uw antwoord", "Your reply", "Votre réponse"},
    [S_REPLY_FILES] = {"Bijlagen toevoegen (optioneel)", "Add attachments (optional)",
                       "Ajouter des pièces jointes (facultatif)"},
    [S_REPLY_SEND] = {"Antwoord versturen", "Send reply", "Envoyer la réponse"},
    [S_REPLY_SENT] = {"Uw antwoord is beveiligd verstuurd naar {}.",
                      "Your reply was sent securely to {}.",
                      "Votre réponse a été envoyée en sécurité à {}."},
    [S_REPLY_EMPTY] = {"Uw antwoord is leeg. Schrijf een tekst of voeg een bijlage toe.",
                       "Your reply is empty. Write some text or add an attachment.",
                       "Votre réponse est vide. Écrivez un texte ou ajoutez une pièce jointe."},
    [S_REPLY_FAILED] = {"Uw antwoord kon nu niet worden verstuurd. Probeer het over een paar "
                        "minuten opnieuw.",
                        "Your reply could not be sent just now. Please try again in a few "
                        "minutes.",
                        "Votre réponse n'a pas pu être envoyée. Réessayez dans quelques minutes."},
    [S_REPLY_TO] = {"Uw antwoord gaat beveiligd naar {}.", "Your reply goes securely to {}.",
                    "Votre réponse est envoyée en sécurité à {}."},
    [S_LOGOUT] = {"Uitloggen", "Log out", "Se déconnecter"},
    [S_LOGGED_OUT_TITLE] = {"U bent uitgelogd", "You are logged out", "Vous êtes déconnecté"},
    [S_LOGGED_OUT_TEXT] = {"Het bericht is afgesloten. Open de link uit de e-mail opnieuw om het "
                           "nog eens te lezen.",
                           "The message is closed. Open the link in the e-mail again to read it "
                           "once more.",
                           "Le message est fermé. Ouvrez à nouveau le lien de l'e-mail pour le "
                           "relire."},
    [S_OPEN_AGAIN] = {"Opnieuw openen", "Open again", "Ouvrir à nouveau"},
    [S_SENDER_TITLE] = {"Uw beveiligde bericht", "Your secure message", "Votre message sécurisé"},
    [S_SENDER_INTRO] = {"Hier ziet u wat er met uw bericht is gebeurd. De inhoud staat hier niet.",
                        "This page shows what became of your message. Its content is not shown "
                        "here.",
                        "Cette page montre ce qu'il est advenu de votre message. Son contenu "
                        "n'est pas affiché ici."},
    [S_RECIPIENT] = {"Ontvanger", "Recipient", "Destinataire"},
    [S_WAY_IN] = {"Controle", "Verification", "Vérification"},
    [S_SENT] = {"Verstuurd", "Sent", "Envoyé"},
    [S_OPENED] = {"Geopend", "Opened", "Ouvert"},
    [S_REPLIED] = {"Beantwoord", "Replied", "Répondu"},
    [S_NOT_YET] = {"nog niet", "not yet", "pas encore"},
    [S_LOCKED_SHORT] = {"geblokkeerd (te vaak een verkeerde code)", "locked (too many wrong codes)",
                        "bloqué (trop de codes erronés)"},
    [S_VIA_CODE] = {"toegangscode van u", "access code from you", "code d'accès donné par vous"},
    [S_VIA_EMAIL] = {"code per e-mail", "code by e-mail", "code par e-mail"},
    [S_VIA_SMS] = {"code per sms", "code by text message", "code par SMS"},
    [S_REVOKE] = {"Bericht intrekken", "Withdraw message", "Retirer le message"},
    [S_REVOKE_EXPLAIN] = {"Intrekken verwijdert het bericht meteen; niemand kan het daarna nog "
                          "openen. Dit kan niet ongedaan worden gemaakt.",
                          "Withdrawing deletes the message at once; nobody can open it after "
                          "that. This cannot be undone.",
                          "Le retrait supprime le message immédiatement ; personne ne pourra plus "
                          "l'ouvrir. Cette action est irréversible."},
    [S_REVOKED_AT] = {"Ingetrokken op {}. Niemand kan het bericht nog openen.",
                      "Withdrawn on {}. Nobody can open the message any more.",
                      "Retiré le {}. Personne ne peut plus ouvrir le message."},
    [S_EXPIRED_AT] = {"Verlopen op {}; de inhoud is verwijderd.",
                      "Expired on {}; its content was deleted.",
                      "Expiré le {} ; son contenu a été supprimé."},
    [S_HELPDESK] = {"Hulp nodig? {}", "Need help? {}", "Besoin d'aide ? {}"},
    [S_LANGUAGE] = {"Taal", "Language", "Langue"},
    [S_NO_TEXT] = {"(dit bericht heeft geen tekst)", "(this message has no text)",
                   "(ce message n'a pas de texte)"},
    [S_IMAGE] = {"[afbeelding]", "[image]", "[image]"},
    [S_SKIP] = {"Naar de inhoud", "Skip to content", "Aller au contenu"},
};

const char *str(enum str id, enum lang l)
{
    if ((unsigned)id >= S_COUNT || (unsigned)l >= LANGS || texts[id][l] == NULL)
        return "";
    return texts[id][l];
}

const char *const lang_codes[LANGS] = {"nl", "en", "fr"};
static const char *const names[LANGS] = {"Nederlands", "English", "Français"};

const char *lang_code(enum lang l)
{
    return (unsigned)l < LANGS ? lang_codes[l] : "nl";
}

const char *lang_name(enum lang l)
{
    return (unsigned)l < LANGS ? names[l] : names[0];
}

_Bool lang_parse(const char *s, enum lang *out)
{
    for (int i = 0; i < LANGS; i++)
        if (strcmp(s, lang_codes[i]) == 0) {
            *out = (enum lang)i;
            return 1;
        }
    return 0;
}
