//! Table-driven expectations for the spam rule of the posting-guidelines
//! checker, judged the way a careful human moderator of a Danish town's group
//! would judge them.
//!
//! Two tables run against the default guidelines (`Rules::default()`: the
//! spam filter on, links allowed, a note for shouting and for very long
//! messages) and a sender with no history (`History::default()`):
//!
//! * `SPAM`: messages as scammers really post them in local Facebook,
//!   Telegram and Discord groups, in Danish and English: money, prize and
//!   crypto lures, "contact me privately", a link or a phone number plus
//!   urgency. Every row is spam a moderator would remove, and `check` must
//!   report a `Spam` violation for it (other violations, such as caps, may
//!   come along).
//! * `ORDINARY`: everyday community talk written the way residents write
//!   (lower case, typos, emojis, prices, phone numbers, links), deliberately
//!   close to the spam signals: free coffee, the first ten children, club
//!   raffles, "skriv til mig", WhatsApp groups for parents, a talk about
//!   bitcoin scams at the library, "vi har vundet pokalen!!". Every row must
//!   pass with no violation at all. A false positive on ordinary talk is a
//!   bug, just as much as missed spam.
//!
//! Each table is one `#[test]` that runs every row, collects all mismatches
//! and fails once at the end listing every failing row with what was found,
//! so a single run shows the whole picture.

use chrono::{DateTime, TimeZone, Utc};
use vores_bot::guidelines::{History, RuleKind, Rules, Violation, check};

/// Saturday 13 June 2026, 14:00 in Ishøj.
fn now() -> DateTime<Utc> {
    // A valid date and time; in UTC it is never ambiguous, so this cannot fail.
    Utc.with_ymd_and_hms(2026, 6, 13, 12, 0, 0).unwrap()
}

/// Spam a moderator would remove: `check` must report `RuleKind::Spam`.
const SPAM: &[&str] = &[
    // Danish: prizes and giveaways.
    "gratis iphone til de første 10 der skriver til mig!!",
    "du har vundet et gavekort på 5000 kr – klik her",
    "Tillykke! Du er blevet udvalgt til at vinde en iPhone 15 – hent din præmie på https://dk-gevinst.xyz inden midnat",
    "Gratis gavekort til Netto på 1000 kr 🎁 klik her inden det er for sent: bit.ly/netto-gave",
    "Gratis PS5 til de første 3 der klikker på linket: bit.ly/ps5gratis",
    "Jeg giver 1000 kr til de første 50 der deler dette opslag og skriver til mig privat 💰",
    "Du har vundet 10.000 kr i Danske Spil lotteri! Send dit kontonummer til mig for at få dem udbetalt",
    "gratis penge til de første 20 der skriver på wa.me/4512345678",
    // Danish: work from home and easy money.
    "Tjen 5000 kr om dagen hjemmefra, skriv på whatsapp",
    "Tjen penge hurtigt hjemmefra 💰 send en besked på telegram @rigtigpenge",
    "nemme penge!! 2000 kr om dagen, kun 5 pladser tilbage, pm mig",
    "Vil du tjene 3000-5000 kr om ugen hjemmefra? Kræver kun en telefon ✅ skriv JA i en pb",
    "Vi søger 10 personer der vil tjene 1500 kr i timen hjemmefra, ingen erfaring nødvendig, pm mig nu",
    "🔥🔥 Tjen 800 kr i timen ved at like videoer, skriv 'info' til mig på whatsapp 🔥🔥",
    "ekstra indtægt hjemmefra, 4000 kr om ugen, kun seriøse, skriv til mig i indbakken",
    "Send 500 kr på MobilePay og få 5000 kr tilbage i morgen, garanteret 💯",
    // Danish: crypto, forex and investment.
    "Invester i krypto og få 1000% afkast på en uge",
    "forex signaler med 300% profit, skriv til mig privat 📈",
    "Jeg har tjent 40.000 kr på en uge med bitcoin 🔥 skriv til mig privat så viser jeg hvordan",
    "invester 2000 kr i bitcoin og få 20.000 kr tilbage om 7 dage 📈📈 skriv på whatsapp",
    "Fordoble dine penge på 24 timer 💰💰 kontakt mig på telegram",
    "Garanteret gevinst hver dag med mit kryptosystem, skriv til mig privat",
    "Kryptovaluta ekspert hjælper dig med at tjene 10.000 kr om ugen 📈 skriv til mig på whatsapp +45 12 34 56 78",
    "hej alle 👋 jeg tjente 25.000 kr sidste måned på trading, spørg mig hvordan i en privat besked",
    "binær option trading med 95% gevinst, send en besked på telegram",
    "investeringsmulighed med garanteret afkast på 50% om måneden, kontakt mig privat",
    "Bitcoin mining giver 1000 kr om dagen 📈 ring til mig på 12345678 for at komme med nu",
    "Tjen hurtige penge med forex ✅ 100% sikkert ✅ skriv til mig privat",
    "Fantastisk investering i krypto, jeg har fået 800% afkast, pm mig for detaljer 🚀",
    // Danish: loans, dating, followers, casino and phishing.
    "lån 50.000 kr uden kreditvurdering, svar hurtigt",
    "Hurtigt lån uden sikkerhed, også med RKI, ring +45 12 34 56 78 i dag",
    "Mangler du penge? Lån op til 100.000 kr på 5 min uden kreditvurdering 👉 https://hurtiglaan.click",
    "Kontant lån til alle, også ved RKI, svar hurtigt på denne besked 💸",
    "sugar daddy søger sød pige, pm mig 💰",
    "sugar mommy søger ung fyr, gode lommepenge hver uge, skriv på telegram",
    "billige følgere og likes til din instagram, skriv pm",
    "Online casino bonus: 500 kr gratis uden indbetaling 🎰 https://casino-bonus.win",
    "din pakke kunne ikke leveres, betal 19 kr i gebyr her inden i aften: https://postnord-levering.top",
    "Dit MitID udløber i dag, bekræft dine oplysninger her https://mitid-fornyelse.xyz for ikke at miste adgang",
    // English: prizes and giveaways.
    "FREE iPhone giveaway click here",
    "giving away a ps5 to the first 5 who comment and dm me 🎮",
    "Congratulations! You have been selected to receive a $1000 Walmart gift card, claim your prize at https://giftcard-winner.xyz",
    "Claim your free $500 Amazon gift card now before it expires: bit.ly/amz-free",
    "I'm giving $1000 to the first 100 people who share this post and message me 💸",
    "You won a free iPhone 15 Pro! Click the link to claim: https://win-iphone.top",
    "FREE GIVEAWAY 🔥 first 10 to dm me get $200 on cashapp",
    "Lottery winner notice: you have won $850,000, send your bank details to claim",
    // English: work from home and easy money.
    "earn $500 a day from home, dm me for details 💰",
    "Make money online from your phone, $300 per day guaranteed ✅ dm me",
    "easy money!! work from home and earn 2000 dollars weekly, pm me",
    "Hello everyone, I'm looking for 10 serious people who want to earn $1000 a week from home, dm me",
    "Work from home and earn $50 per hour, no experience needed ✅ send me a message",
    "Is anyone interested in making $800 a day? Only a phone needed, dm me fast 🔥",
    "Free money for everyone who messages me on telegram @fastcash 💵",
    "Earn money fast by liking youtube videos, $30 per video, dm me on whatsapp",
    "Get rich quick with this one simple trick, click here: bit.ly/getrich",
    // English: crypto, forex and investment.
    "passive income with bitcoin, message me",
    "I made $12,000 in one week trading crypto 📈 message me on telegram to learn how",
    "Invest in bitcoin today and get 10x returns in 7 days 🚀 whatsapp +45 12 34 56 78",
    "guaranteed profit with my forex signals 🔥 join now: t.me/forexkings",
    "Bitcoin investment with 500% profit in 48 hours, contact me on whatsapp wa.me/4512345678",
    "double your money in 24 hours with crypto trading, dm me now 💰💰",
    "Binary options trading pays $3000 weekly, message me to start today",
    "crypto investment opportunity 📈📈 guaranteed 300% returns, contact me privately",
    "Want to earn passive income from home? Message me for the link 💰✅",
    "bitcoin doubler: send 0.1 btc and receive 0.2 btc back instantly, dm me",
    "Looking for people to join my crypto trading team, $5000 a month guaranteed, pm me",
    "hey everyone 👋 I'm a certified forex trader, invest $200 and earn $2000 in a week, message me",
    "Lost money to scammers? Recovery expert can get your crypto back in 24 hours, dm me 💯",
    // English: loans, dating, followers, casino, pills and phishing.
    "need a loan? quick loan offer with no credit check, reply fast",
    "Sugar daddy looking for a sugar baby, $2000 weekly allowance, text me on telegram",
    "Hot singles in Ishøj want to meet you tonight 😘 https://hotdates.click",
    "Cheap followers and likes for your instagram, message me",
    "Online casino bonus 200% on first deposit 🎰 click here https://casino-royal.win",
    "Check out my onlyfans 😘 link in bio",
    "viagra cheap without prescription, message me",
    "Your account will be suspended today, verify now at https://secure-login-verify.xyz",
];

/// Ordinary community talk near the spam signals: no violation at all.
const ORDINARY: &[&str] = &[
    // Free food, coffee and entry.
    "gratis kaffe og kage til alle 😊",
    "free entry, everyone welcome",
    "Gratis suppe i fælleshuset på torsdag kl 17, bare mød op 🍲",
    "free coffee at the community garden on sunday morning ☕",
    "der er gratis frugt til børnene ved indgangen",
    "Free bread! the bakery gave us leftovers, come to blok 4 before 8pm",
    "gratis grill og pølser for alle beboere lørdag fra kl 12",
    "free swimming lessons for kids this summer, sign up at ishoj.dk/svoemning",
    "Gratis skraldeposer og handsker til alle der vil samle affald på søndag",
    "the swimming pool is free for kids on sundays in july 🏊",
    "der er gratis wifi i hele bycentret nu",
    "free wifi in the library and you can print 10 pages a day for free",
    "Gratis lektiehjælp hver mandag og onsdag på biblioteket kl 15-17",
    "free homework help for kids every monday at the library",
    "Fodboldklubben holder gratis prøvetræning for piger 8-12 år hele juni ⚽",
    "sukkerfri kage til diabetesforeningens møde på tirsdag 🍰",
    // The first N.
    "de første 20 får en gratis is",
    "gratis juletræer til de første 15 familier i vejleåparken 🎄",
    "the first 30 kids get a free goodie bag 🎁",
    "de første 10 der melder sig får en gratis t-shirt fra foreningen",
    "the first 50 visitors at the new library café get a free cinnamon bun 🥐",
    "svar hurtigt hvis du vil med i bussen til zoo, der er kun 5 pladser tilbage",
    "only 3 spots left for the kids' swimming course, sign up soon",
    "sidste chance for at tilmelde sig fællesspisningen, frist i morgen kl 12",
    // Prices.
    "billetter 50 kr",
    "entré 20 kr, børn gratis",
    "Koncert i kulturhuset fredag kl 20, billetter 120 kr i døren",
    "tickets are 60 kr for adults and free for kids under 10",
    "fællesspisning torsdag 40 kr for voksne 20 kr for børn",
    "loppemarked lør kl 10-15, stadeplads 75 kr",
    "Julemarked med gløgg og æbleskiver til 25 kr 🎄",
    "Husk at betale kontingent til grundejerforeningen, 350 kr, inden 1. juli",
    "Kan anbefale den nye pizzeria ved stationen, 2 pizzaer for 100 kr 🍕",
    "Ishøj Teater har 2-for-1 tilbud på billetter til børneforestillingen i juni",
    "get 10% off at the bike shop with your membership card",
    "er der nogen der vil dele en kasse økologiske grøntsager hver uge? ca 120 kr hver",
    // Raffles, prizes and winning.
    "vind en kurv med lækkerier i vores amerikansk lotteri, lodder 10 kr",
    "Lodtrækning blandt alle der deltager i affaldsindsamlingen, præmien er et gavekort til bageren 🥐",
    "win a hamper in our raffle! tickets 10 kr each, all money goes to the football club ⚽",
    "Banko i hallen lørdag kl 19, flotte præmier, plader 20 kr",
    "vinderen af tegnekonkurrencen får et gavekort på 200 kr til boghandlen",
    "amerikansk lotteri til sommerfesten, vi mangler gevinster, skriv hvis du kan donere noget",
    "I won the quiz last night 😄",
    "vi har vundet pokalen!!",
    "U11 drengene vandt 5-2 i dag ⚽🔥 super flot kamp",
    "our team won the regional chess tournament, so proud 🏆",
    "min søn har vundet tegnekonkurrencen på biblioteket 🥰",
    "we didn't win the raffle but the cake was amazing 😂",
    "Tillykke til Fatima der vandt kagekonkurrencen 🎂",
    "tillykke til vinderne af quizzen: hold 'De Kloge Åger' 🏆",
    "Du har vundet! 🎉 Ahmed, din tegning blev valgt til plakaten for sommerfesten",
    "vinder af månedens have: Ørnevej 14 🌻 tillykke!",
    "jeg har vundet 2 biografbilletter men kan ikke bruge dem, er der nogen der vil have dem gratis?",
    "tak for gavekortet til frivilligfesten, det var en dejlig overraskelse 💐",
    "ps5 turnering i ungdomsklubben fredag aften, gratis for medlemmer 🎮",
    // Asking people to write privately about ordinary things.
    "skriv til mig hvis du vil låne min trailer",
    "pm me if you found a black cat",
    "pm mig hvis du har en cykelpumpe jeg kan låne i dag",
    "dm me if you want tomato plants, I have way too many 🍅",
    "skriv til mig privat så sender jeg adressen til børnefødselsdagen",
    "send me a message if you want to join our running group, we meet tuesdays at 18",
    "kan nogen passe min kat i weekenden? skriv en pb 🐱",
    "hvis nogen har fundet en blå hue ved skolen så skriv til mig",
    "message me if you need a lift to the hospital on monday, I'm going anyway",
    "pm mig for opskriften på kagen, den var virkelig god 😋",
    "dm me if you want to join the football team for dads, we play sunday 9am",
    "skriv til mig på telegram hvis du vil være med i madklubben",
    "vores kat har fået killinger, de skal have gode hjem, skriv til mig 🐱",
    "skriv til mig på whatsapp 12345678 hvis du vil være med til at male fælleshuset",
    "ring til mig på +45 12 34 56 78 hvis du har set en grå cykel",
    // Group chats for parents, clubs and neighbours.
    "vi har en whatsapp gruppe for forældre i 3.b, skriv hvis du vil med",
    "der er en telegram gruppe for haveforeningen, spørg mig om linket",
    "our whatsapp group for dog owners in ishøj landsby has 40 members now 🐶 ask me to join",
    "send en besked på messenger hvis du vil med i vores strikkeklub 🧶",
    "jeg har oprettet en whatsapp gruppe til fodboldholdet, skriv dit nummer til træneren",
    "telegram-gruppen for skakklubben er flyttet, spørg Ali om det nye link",
    "our telegram group for the allotment gardens is open to everyone, ask in the shed",
    // Money, crypto and scams as a topic.
    "foredrag om bitcoin og svindel på biblioteket tirsdag kl 19",
    "talk at the library: how to spot crypto scams and fake investment ads, thursday 7pm, free",
    "Pensionistforeningen holder oplæg om netbank og MitID, så man ikke bliver snydt",
    "min onkel har tabt 20.000 kr på en falsk kryptoreklame, pas nu på derude 😔",
    "husk at banken aldrig beder om din kode i en sms",
    "advarsel: der går en svindel-sms rundt om en pakke fra postnord, klik ikke på linket",
    "Gældsrådgivning gratis i medborgerhuset hver onsdag kl 16-18",
    "budgetkursus for unge: lær at styre dine penge, gratis, tilmelding på ishoj.dk",
    "does anyone know a good accountant for a small business? dm me recommendations",
    "Lyt ikke til folk der lover hurtige penge på nettet, det er altid svindel",
    "Foredrag: Sådan undgår du lånehajer og kviklån, mandag kl 19 i medborgerhuset",
    "Min mor på 82 fik et opkald fra en 'bank' der ville have hendes kode. Hun lagde heldigvis på 👍",
    "crypto talk at the library was really interesting, thanks to the speaker 👏",
    "er der nogen der kan hjælpe min far med at sætte mobilepay op? han er 79",
    "hvis du mangler penge til skoleudflugt kan du søge tilskud hos skolens kontor",
    "kommunen investerer 2 mio kr i nye cykelstier",
    "investering i nye legeredskaber blev vedtaget på mødet i går",
    "mobilepay til klassekassen: 50 kr pr barn til julegaven til læreren",
    "Send 20 kr på MobilePay til Hanne for kaffen, tak 🙂",
    // Percentages.
    "100% genbrug",
    "50% rabat i genbrugsbutikken lørdag",
    "Genbrugsbutikken: alt tøj 50% rabat hele uge 27",
    "the library survey: 80% want longer opening hours on saturdays",
    "ugens vejr: 90% chance for regn lørdag, så sankt hans flyttes til søndag ☔",
    "bestyrelsen er 100% enig, legepladsen skal renoveres",
    "vi nåede 120% af målet i indsamlingen til børnecancerfonden 💛 tak",
    "Bycentret har udsalg, 70% på vinterjakker",
    // Jobs, volunteers and pocket money.
    "vi søger frivillige til lektiecafé, skriv til mig",
    "Cykling uden alder søger piloter, ingen erfaring nødvendig, skriv til mig privat",
    "Netto i bycentret søger weekendhjælp, man kan søge i butikken",
    "we need volunteers for the litter pick on sunday, gloves and bags provided, message me",
    "Frivilligcentret søger en kasserer til foreningen, 2 timer om måneden",
    "søger babysitter til to drenge på 4 og 7 år, 100 kr i timen, skriv en pb",
    "sommerjob for unge 15-17 år i kommunens parker, ansøg på ishoj.dk/job",
    "looking for someone to help with my garden, I pay 150 kr per hour, dm me",
    "Jobcentret holder jobmesse i hallen torsdag kl 10-14, tag dit CV med",
    "lommepenge-job: min nabo søger en ung til at slå græs, 100 kr pr gang",
    "min datter på 12 vil gerne tjene lommepenge ved at gå tur med hunde 🐕",
    "vores klasse sælger lodder for at tjene penge til lejrskolen, 20 kr stk",
    "the kids are selling lemonade for 5 kr to earn money for their football trip 🍋",
    "Our son is raising money for his scout trip by washing cars, 50 kr a car 🚗",
    "Kirkens sogneindsamling søndag – vi mangler indsamlere, skriv til kirkekontoret",
    // Buying, selling and giving away.
    "sælger børnecykel 300 kr, ring 12345678",
    "Sælger sofa 500 kr, skal hentes i vejleåparken, sms 23456789",
    "selling a kids bike for 300 kr, call +45 12 34 56 78",
    "til salg: vaskemaskine 800 kr, virker fint, kan afhentes i dag",
    "gives væk: barnevogn, skal bare hentes 🙂",
    "giving away baby clothes size 62-74, pm me",
    "sælger 2 billetter til koncerten på fredag, 150 kr stk, skriv hvis interesseret",
    "iphone 11 sælges 1200 kr, lidt ridse i skærmen, skriv privat",
    "har en ps4 med 2 controllere til salg, 900 kr",
    "bytter gerne tomatplanter for agurkeplanter 🌱",
    "vi holder garagesalg søndag kl 10-14 på Ørnevej 8, alt skal væk, billige ting 📦",
    "hurtig! der står en gratis sofa på hjørnet af Ørnevej, den skal væk inden regnen 🛋️",
    "Spejderne sælger juletræer til 200 kr, overskuddet går til sommerlejren 🎄",
    "børnenes kunstudstilling: alle værker kan købes for 20 kr, pengene går til skolen",
    // Lost and found.
    "Fundet: sort kat med hvid pote ved Ishøj Strand, har nogen mistet den? 🐈‍⬛",
    "mistet: nøglebundt med rød nøglering ved netto i går, ring 12345678 hvis fundet",
    "lost: black wallet near the train station, reward if found 🙏",
    "found a kids scooter by the playground in gildbro, it's at my door",
    "har nogen set min hund? brun labrador, hedder Bella, sidst set ved strandparken",
    "fandt en mobil på bænken ved søen, den er afleveret i borgerservice",
    "500 kr i findeløn til den der finder min kats halsbånd med GPS",
    "kæmpe tak til alle der hjalp med at finde Bella 🐕 hun er hjemme igen!!",
    // Events, often with links.
    "Sommerfest i vejleåparken lørdag kl 14, program på https://ishoj.dk/sommerfest",
    "læs mere om byttemarkedet på ishoj.dk/byttemarked",
    "Affaldsindsamling ved Ishøj Strand søndag kl 10, mødested ved p-pladsen, se ishoj.dk/affald",
    "click here to see the photos from the summer party: ishoj.dk/galleri",
    "klik her for at tilmelde dig: https://ishoj.dk/tilmelding",
    "Invitation: åbent hus i den nye daginstitution fredag kl 15-17, kaffe og boller 🥯",
    "Mødet om den nye bycenter-plan er flyttet til onsdag, se ishoj.dk/byudvikling",
    "Kom og hør om solceller og fremtidens energi i kulturhuset, gratis foredrag",
    "valgmøde i rådhushallen onsdag kl 19, alle partier deltager",
    "fællesspisning i medborgerhuset hver tors kl 18, tilmelding senest tirsdag",
    "Cykling uden alder kører tur fra bycentret fre kl 14, vi mangler et par cykelpiloter",
    "juletræstænding på torvet søn d 29/11 kl 16.30 🎄 alle er velkomne",
    "Carol singing at Ishøj Church on Dec 20 at 4pm, everyone welcome",
    "yoga i parken lør kl 9.30 ved strandparken, tag selv måtte med 🧘",
    "Reminder: the recycling station is closed on public holidays",
    "Biblioteket låner nu også værktøj ud, gratis med sundhedskort 🔨",
    "lån af lokaler i medborgerhuset er gratis for foreninger",
    "nogen der vil med på fisketur ved Ishøj Havn lørdag morgen? 🎣",
    "fundraising for ukrainian families: we raised 12,000 kr, thank you all 💙💛",
    "Tak til alle der donerede, vi samlede 5.000 kr ind til fødevarebanken 💚",
    "the food bank needs donations, especially pasta and canned tomatoes",
    // Greetings, questions and chat.
    "godmorgen alle sammen ☀️",
    "tak for en dejlig dag i går ❤️",
    "hej! er der nogen der ved om svømmehallen har åbent i morgen?",
    "does anyone know when the bus 300S starts running again?",
    "weekend! hvem skal til stranden? 🏖️",
    "velkommen til de nye i gruppen 👋",
    "hvad sker der i weekenden?",
    "what's on this weekend?",
    "happy birthday Mehmet! 🎉🎂",
    "Stort tillykke til alle studenterne i dag 🎓",
    "sorry for the noise yesterday, we had a birthday party 🙈",
    "ny i byen, er der nogen der kan anbefale en frisør?",
    "Any tips for cheap flights to Turkey this summer? ✈️",
    "hvor kan man købe billetter til Ishøj Teater?",
    "er der nogen der har erfaring med at sælge ting på dba? hvad skal man passe på?",
    "hurtigt spørgsmål: er der nogen der kan låne mig en boremaskine i dag?",
    "Quick question: does anyone have a phone charger I can borrow at the library right now?",
    "du kan skrive til kommunen på ishoj.dk/kontakt hvis lygten stadig er gået",
    "skriv en besked til foreningen på ishoj.dk/foreninger hvis du vil være frivillig",
];

/// The violations found, for a failure report.
fn shown(found: &[Violation]) -> String {
    if found.is_empty() {
        "no violation".to_string()
    } else {
        format!("{found:?}")
    }
}

#[test]
fn obvious_spam_is_caught() {
    let (rules, history) = (Rules::default(), History::default());
    let mut failures = Vec::new();
    for (i, text) in SPAM.iter().enumerate() {
        let found = check(&rules, text, &history, now());
        if !found.iter().any(|v| v.rule == RuleKind::Spam) {
            failures.push(format!(
                "[spam #{i}] {text:?}\n      expected: a Spam violation\n      found:    {}",
                shown(&found),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "spam not caught: {} of {} rows failed:\n{}",
        failures.len(),
        SPAM.len(),
        failures.join("\n"),
    );
}

#[test]
fn ordinary_talk_near_spam_passes() {
    let (rules, history) = (Rules::default(), History::default());
    let mut failures = Vec::new();
    for (i, text) in ORDINARY.iter().enumerate() {
        let found = check(&rules, text, &history, now());
        if !found.is_empty() {
            failures.push(format!(
                "[ordinary #{i}] {text:?}\n      expected: no violation\n      found:    {}",
                shown(&found),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "false positives on ordinary talk: {} of {} rows failed:\n{}",
        failures.len(),
        ORDINARY.len(),
        failures.join("\n"),
    );
}

#[test]
fn tables_are_big_enough() {
    assert!(SPAM.len() >= 60, "only {} spam rows", SPAM.len());
    assert!(
        ORDINARY.len() >= 120,
        "only {} ordinary rows",
        ORDINARY.len()
    );
}
