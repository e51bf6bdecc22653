"""The demo's fictional French texts, loaded by `manage.py load_demo`."""

SITE_NAME = "Mains Libres"

# Home page.
HOME = {
    "title": "Accueil",
    "hero_heading": "Des objets faits main, des vies qui se reconstruisent",
    "hero_text": (
        "Chaque pièce de Mains Libres est fabriquée par une personne détenue ou sortie de prison, "
        "dans nos ateliers partenaires de Dakar, Thiès, Saint-Louis et Ziguinchor. En l'achetant, "
        "vous lui assurez un revenu juste et vous l'aidez à préparer son retour parmi les siens."
    ),
    "hero_scene": "workshop",
    "hero_image_alt": (
        "Un atelier lumineux où des artisans poncent et peignent des pièces en bois autour d'un "
        "grand établi."
    ),
}

# Index pages.
STORY_INDEX = {
    "slug": "histoires",
    "title": "Histoires",
    "intro": (
        "<p>Journées d'atelier, apprentissage d'un métier, visites des familles, premiers pas "
        "après la sortie : les histoires des femmes et des hommes qui fabriquent les objets de "
        "Mains Libres. Chacune est écrite avec leur accord et ne montre que ce qu'ils ont choisi "
        "de partager.</p>"
    ),
}

ARTISAN_INDEX = {
    "slug": "artisans",
    "title": "Les artisans",
    "intro": (
        "<p>Ébénistes, couturières, peintres, potiers, vannières : ils travaillent dans quatre "
        "ateliers au Sénégal, en détention ou après leur sortie. Chacun choisit comment il "
        "apparaît ici : sous son nom, sous son prénom, sous un nom d'artiste, ou sans nom du "
        "tout.</p>"
        "<p>Sur chaque fiche, vous retrouvez son métier, son atelier, ses créations en vente et "
        "les histoires qui parlent de lui.</p>"
    ),
}

PRODUCT_INDEX = {
    "slug": "boutique",
    "title": "Boutique",
    "intro": (
        "<p>Art, mobilier, vêtements et décoration, fabriqués à la main par les artisans de nos "
        "ateliers. Le prix affiché comprend le prix fixé par l'artisan, qu'il reçoit en entier, et "
        "une marge de 10 % qui fait fonctionner la boutique : le détail figure sur chaque "
        "fiche.</p>"
        "<p>Les pièces uniques déjà vendues restent visibles, pour que vous puissiez découvrir le "
        "travail de leur auteur et ses autres créations.</p>"
    ),
}

# Impact page: live figures and charts from paid orders, how the money is split, how
# the figures are computed (the rules themselves are written by the method note block).
IMPACT = {
    "slug": "impact",
    "title": "Notre impact",
    "intro": (
        "Ce que vos achats changent, en chiffres. Les montants de cette page sont calculés "
        "directement à partir des commandes payées : ce que les artisans ont reçu, le nombre "
        "d'objets vendus, le nombre d'artisans rémunérés et la marge perçue par la boutique, mois "
        "par mois et atelier par atelier."
    ),
    "body": [
        ("figures", {"heading": "Les chiffres", "period": "last_12_months"}),
        (
            "text",
            "<h2>Où va l'argent d'un achat</h2>"
            "<p>Chaque prix affiché sur la boutique se compose de deux parts, détaillées sur la "
            "fiche de chaque objet :</p>"
            "<ul>"
            "<li><b>Le prix de l'artisan</b>, fixé avec lui ou avec elle selon le matériel et le "
            "temps passé. Il lui revient en entier, sans aucune retenue.</li>"
            "<li><b>La marge de la boutique</b>, égale à 10 % du prix de l'artisan, arrondie au "
            "franc le plus proche.</li></ul>"
            "<p>Les frais de livraison, lorsqu'il y en a, sont affichés à part et servent "
            "uniquement à payer la course.</p>"
            "<p>Prenons un panier de marché dont l'artisane a fixé le prix à 15 000 F CFA. La "
            "marge est de 1 500 F CFA : vous payez 16 500 F CFA, et 15 000 F CFA sont versés à "
            "l'artisane. Pour une lampe à 12 345 F CFA, 10 % font 1 234,5 F CFA ; la marge est "
            "arrondie à 1 235 F CFA et le prix affiché est de 13 580 F CFA.</p>",
        ),
        ("franc_split", {"heading": "Où va chaque franc", "period": "all_time"}),
        (
            "monthly_chart",
            {"heading": "Versé aux artisans, mois par mois", "period": "last_12_months"},
        ),
        ("workshop_chart", {"heading": "Pièces vendues par atelier", "period": "all_time"}),
        (
            "text",
            "<h2>Ce que couvre la marge de 10 %</h2>"
            "<p>La marge ne rémunère aucun actionnaire. Elle paie les coûts fixes qui permettent "
            "à la boutique d'exister :</p>"
            "<ul>"
            "<li>la photographie et la description des pièces ;</li>"
            "<li>l'emballage et le transport des ateliers jusqu'à Dakar ;</li>"
            "<li>les frais de paiement en ligne et de paiement mobile ;</li>"
            "<li>l'hébergement et la maintenance du site ;</li>"
            "<li>une partie du temps de l'équipe qui suit les ateliers.</li></ul>"
            "<p>Lorsqu'une année se termine avec un excédent, il est réinvesti dans le matériel "
            "des ateliers partenaires, après décision du conseil d'administration.</p>",
        ),
        (
            "quote",
            {
                "quote": (
                    "Nous voulions que chacun puisse vérifier, objet par objet, ce que l'artisan "
                    "reçoit. Ce n'est pas une promesse : c'est une ligne sur chaque fiche."
                ),
                "attribution": "L'équipe de Mains Libres",
            },
        ),
        ("partners", {"heading": "Nos partenaires", "show_figures": True}),
        (
            "method_note",
            {
                "heading": "Comment les chiffres sont calculés",
                "text": (
                    "<p>Les chiffres de cette page ne sont pas saisis à la main : ils sont "
                    "calculés à partir des commandes, et correspondent exactement à ceux du suivi "
                    "des commandes et de l'export utilisés par l'équipe et transmis à nos "
                    "partenaires. Les fichiers CSV ci-dessus en donnent le détail mois par mois "
                    "et atelier par atelier.</p>"
                ),
            },
        ),
        (
            "text",
            "<h2>Ce que les chiffres ne disent pas</h2>"
            "<p>Derrière chaque vente, il y a une attestation de formation obtenue, un compte "
            "ouvert, une visite de famille qui commence autrement, un premier loyer payé. Ces "
            "changements-là ne se mesurent pas en francs ; nous les racontons dans nos histoires, "
            "avec l'accord des personnes concernées.</p>"
            "<p>Lorsqu'un artisan retire son consentement, son nom et son histoire disparaissent "
            "du site, mais ses ventes continuent d'être comptées ici, sans le nommer, et de lui "
            "être payées.</p>",
        ),
        (
            "quote",
            {
                "quote": (
                    "Pour nos partenaires, ces chiffres sont précieux : ils montrent qu'un travail "
                    "fait en atelier trouve des clients, et qu'il rapporte un revenu réel."
                ),
                "attribution": "Un responsable d'atelier partenaire",
            },
        ),
    ],
}

# Partners (fictional organisations). `workshops` are workshop keys of WORKSHOPS.
PARTNERS = [
    {
        "name": "Direction de l'administration pénitentiaire",
        "kind": "prison_administration",
        "initials": "AP",
        "link": "",
        "workshops": ["baobab", "fleuve"],
        "description": (
            "Ouvre ses ateliers de Dakar et de Saint-Louis aux formateurs, organise la sortie des "
            "pièces terminées et co-signe la convention qui garantit à chaque artisan le prix "
            "fixé avec lui."
        ),
    },
    {
        "name": "Association Jàng ak Liggéey",
        "kind": "ngo",
        "initials": "JL",
        "link": "",
        "workshops": ["jang-liggeey"],
        "description": (
            "Gère le centre de formation de Thiès : formations de six à neuf mois en couture, "
            "céramique et menuiserie légère, et accompagnement des premiers mois après la sortie."
        ),
    },
    {
        "name": "Fondation Téranga Solidaire",
        "kind": "funder",
        "initials": "TS",
        "link": "",
        "workshops": [],
        "description": (
            "A financé les machines à coudre de Thiès et de Ziguinchor et prend en charge, pour "
            "trois ans, une partie des frais de transport des pièces jusqu'à Dakar."
        ),
    },
    {
        "name": "Imprimerie du Cap-Vert",
        "kind": "company",
        "initials": "CV",
        "link": "",
        "workshops": [],
        "description": (
            "Imprime gracieusement les étiquettes qui accompagnent chaque pièce, avec le nom de "
            "l'atelier et le prix versé à l'artisan."
        ),
    },
]

PARTNERS_PAGE = {
    "slug": "partenaires",
    "title": "Nos partenaires",
    "intro": (
        "Administration pénitentiaire, associations, fondations et entreprises : sans eux, les "
        "ateliers ne trouveraient ni formateurs, ni matériel, ni clients."
    ),
    "body": [("partners", {"heading": "Ils travaillent avec nous", "show_figures": True})],
}

# A year and a half of sales, generated by the demo loader from a fixed seed so that the
# impact page's charts have something to show. Customers are drawn from these names.
SALES_HISTORY = {
    "seed": "mains-libres-historique",
    "months": 16,
    "domain": "achats.exemple.sn",
    "first_names": ["Adama", "Boubacar", "Fatou", "Ousmane", "Mame Diarra", "Abdoulaye", "Sokhna",
                    "Ibrahima", "Marie", "Lamine", "Coumba", "Julien", "Astou", "Thomas",
                    "Binta", "Serigne", "Nafi", "Élodie", "Modou", "Aminata"],
    "last_names": ["Diallo", "Ndiaye", "Faye", "Gueye", "Sarr", "Mbaye", "Sy", "Camara",
                   "Diop", "Thiam", "Kane", "Dupont", "Cissé", "Sène", "Dieng", "Lefèvre"],
    "districts": ["Mermoz, Dakar", "Ouakam, Dakar", "Point E, Dakar", "Yoff, Dakar",
                  "Rufisque", "Thiès", "Saly Portudal", "Saint-Louis", "Keur Massar"],
}  # fmt: skip

# Workshops (fictional names, real regions).
WORKSHOPS = [
    {
        "key": "baobab",
        "name": "Atelier du Baobab",
        "kind": "prison",
        "city": "Dakar",
        "region": "Dakar",
        "description": (
            "Installé dans un établissement pénitentiaire de Dakar, l'atelier du Baobab réunit une "
            "quinzaine de personnes autour de la menuiserie, de la peinture et de la ferronnerie. "
            "Un maître ébéniste y intervient trois matinées par semaine. Les pièces y sont finies, "
            "photographiées et emballées avant de rejoindre la boutique."
        ),
    },
    {
        "key": "jang-liggeey",
        "name": "Centre de formation Jàng ak Liggéey",
        "kind": "training_centre",
        "city": "Thiès",
        "region": "Thiès",
        "description": (
            "Centre de formation associatif dont le nom signifie « apprendre et travailler » en "
            "wolof. Il accueille des personnes en fin de détention et des personnes récemment "
            "libérées pour des formations de six à neuf mois en couture, céramique et menuiserie "
            "légère, avec un tronc commun de gestion. Partenaire de Mains Libres depuis 2024."
        ),
    },
    {
        "key": "fleuve",
        "name": "Atelier du Fleuve",
        "kind": "prison",
        "city": "Saint-Louis",
        "region": "Saint-Louis",
        "description": (
            "Atelier d'un établissement pénitentiaire de Saint-Louis, consacré à deux traditions "
            "fortes de la ville : la sculpture sur bois et la peinture sous verre, le souwère. "
            "Deux formateurs de la ville y viennent chaque semaine ; l'atelier ouvre quatre "
            "après-midi sur sept."
        ),
    },
    {
        "key": "kassoumay",
        "name": "Atelier Kassoumay",
        "kind": "return_workshop",
        "city": "Ziguinchor",
        "region": "Ziguinchor",
        "description": (
            "Kassoumay, « la paix » en diola, est un atelier de quartier pour les personnes "
            "sorties de prison. Chacun y loue un poste de travail pour une somme symbolique, "
            "partage les machines et les commandes, et apprend à faire vivre sa propre activité : "
            "vannerie, couture, menuiserie."
        ),
    },
]

CATEGORIES = [
    {"slug": "art", "name": "Art"},
    {"slug": "mobilier", "name": "Mobilier"},
    {"slug": "vetements", "name": "Vêtements"},
    {"slug": "decoration", "name": "Décoration"},
]

# Artisans. `legal_name` and `private_notes` are for staff only and never published.
ARTISANS = [
    {
        "slug": "ibrahima-sarr",
        "display_name": "Ibrahima Sarr",
        "identity": "full_name",
        "legal_name": "Ibrahima Sarr",
        "private_notes": (
            "Sortie prévue au printemps 2027, date à confirmer avec le service social. Hébergement "
            "provisoire prévu chez son frère à Diourbel (adresse dans le dossier papier). Compte "
            "de paiement mobile ouvert en juillet 2026. Préfère être appelé le matin, avant "
            "l'atelier."
        ),
        "workshop": "baobab",
        "craft": "ébéniste",
        "profile": (
            "<p>Ibrahima Sarr a appris le bois dans le Baol, auprès d'un oncle menuisier, avant de "
            "travailler plusieurs années dans des ateliers de meubles de la banlieue dakaroise. À "
            "l'atelier du Baobab, il est devenu celui vers qui l'on se tourne quand un assemblage "
            "résiste.</p>"
            "<p>Il aime les bois durs du pays, le vène et le caïlcédrat, et les formes simples : "
            "des tabourets à trois pieds, des étagères sans une vis, des tables basses dont le "
            "plateau garde la trace du rabot. « Un meuble doit servir trente ans », répète-t-il "
            "aux plus jeunes.</p>"
            "<p>Depuis 2025, il forme deux apprentis de l'atelier et prépare, avec le service "
            "social, l'ouverture de son propre atelier après sa sortie.</p>"
        ),
        "consent": {
            "name": True,
            "face": True,
            "story": True,
            "given": "2025-06-12",
            "expires": None,
            "withdrawn": None,
        },
        "portrait": True,
    },
    {
        "slug": "diamono",
        "display_name": "Diamono",
        "identity": "pseudonym",
        "legal_name": "Pape Modou Ndoye",
        "private_notes": (
            "Signe ses toiles « Diamono » uniquement. Ne jamais photographier son visage ni ses "
            "mains (tatouage reconnaissable). Paiements versés sur son pécule ; une partie "
            "reversée à sa mère selon sa demande écrite du 3 juillet 2025. Sa mère souhaite être "
            "prévenue de chaque vente (numéro dans le dossier papier)."
        ),
        "workshop": "baobab",
        "craft": "peintre",
        "profile": (
            "<p>Diamono, « l'époque » en wolof, est le nom que ce peintre a choisi pour signer ses "
            "toiles. Il a commencé à dessiner enfant, sur les murs de sa cour, puis sur tout ce "
            "qui lui tombait sous la main : cahiers, cartons, planches.</p>"
            "<p>À l'atelier du Baobab, il peint à l'acrylique sur toile ou sur des panneaux de "
            "contreplaqué récupérés. Ses sujets viennent de Dakar : les cars rapides bondés, les "
            "combats de lutte, les étals des marchés, peints en couleurs franches posées en "
            "aplats.</p>"
            "<p>Il ne montre pas son visage et ne raconte de sa vie que ce qu'il choisit. Ses "
            "toiles, dit-il, parlent pour lui.</p>"
        ),
        "consent": {
            "name": False,
            "face": False,
            "story": True,
            "given": "2025-07-03",
            "expires": "2027-07-03",
            "withdrawn": None,
        },
        "portrait": False,
    },
    {
        "slug": "yeesal",
        "display_name": "Yeesal",
        "identity": "pseudonym",
        "legal_name": "Serigne Mbaye Thiam",
        "private_notes": (
            "Sortie prévue en janvier 2027. Dossier d'attestation de compétences en soudure à "
            "finaliser avec le service social avant cette date. Coordonnées bancaires en attente : "
            "ventes cumulées sur son pécule en attendant. Ferraille achetée chez un ferrailleur de "
            "Colobane, factures dans le classeur de l'atelier."
        ),
        "workshop": "baobab",
        "craft": "ferronnier, créateur de luminaires",
        "profile": (
            "<p>Yeesal signifie « renouveler » en wolof. C'est le nom que s'est choisi ce soudeur "
            "de formation, qui a longtemps travaillé sur les chantiers de Dakar avant de rejoindre "
            "l'atelier du Baobab.</p>"
            "<p>Il y transforme la ferraille en lumière : bidons d'huile percés au burin, jantes "
            "de vélo, ressorts de sommier deviennent des lampes ajourées, des suspensions et des "
            "oiseaux de métal. Chaque pièce est soudée, poncée et peinte à la main, et chaque "
            "lampe est vérifiée par le formateur électricien de l'atelier.</p>"
            "<p>Il préfère ne pas montrer son visage. Ses mains, elles, sont souvent noires de "
            "travail.</p>"
        ),
        "consent": {
            "name": False,
            "face": False,
            "story": True,
            "given": "2025-09-20",
            "expires": "2027-09-20",
            "withdrawn": None,
        },
        "portrait": False,
    },
    {
        "slug": "awa-ndiaye",
        "display_name": "Awa Ndiaye",
        "identity": "full_name",
        "legal_name": "Awa Ndiaye",
        "private_notes": (
            "Formation de base terminée en juin 2026 ; poursuit un module de perfectionnement au "
            "centre jusqu'en juin 2027. Tailles de référence pour ses robes : du 38 au 46. Carnet "
            "d'épargne tenu par le centre ; virement mensuel sur son compte Orange Money le 5 du "
            "mois. Souhaite relire chaque texte qui parle d'elle avant publication."
        ),
        "workshop": "jang-liggeey",
        "craft": "couturière",
        "profile": (
            "<p>Originaire de Kaolack, Awa Ndiaye a appris à coudre à quatorze ans sur la machine "
            "à pédale de sa tante. Ourlets, retouches, boubous pour les voisines : elle a "
            "longtemps travaillé à l'œil, en copiant des modèles.</p>"
            "<p>Au centre de formation Jàng ak Liggéey, à Thiès, elle apprend désormais la coupe à "
            "plat, le patronage et le montage des vêtements les plus exigeants, comme les robes de "
            "cérémonie en bazin brodé. Elle aime les tissus qui ont du caractère et les finitions "
            "soignées que personne ne voit.</p>"
            "<p>Son projet : ouvrir un jour une petite boutique de couture près de la gare "
            "routière de Kaolack, et y former à son tour des apprenties.</p>"
        ),
        "consent": {
            "name": True,
            "face": True,
            "story": True,
            "given": "2025-10-02",
            "expires": None,
            "withdrawn": None,
        },
        "portrait": True,
    },
    {
        "slug": "artisan-de-thies",
        "display_name": "Artisan de Thiès",
        "identity": "anonymous",
        "legal_name": "Samba Dieng",
        "private_notes": (
            "Ne souhaite apparaître sous aucun nom. Photos de ses mains et de ses pièces "
            "acceptées, jamais de son visage ni de sa silhouette. Fin de formation prévue en "
            "décembre 2026, puis stage de perfectionnement au centre jusqu'en mars 2027 ; projet "
            "de retour dans son village près de Tivaouane. Paiements sur le carnet d'épargne du "
            "centre."
        ),
        "workshop": "jang-liggeey",
        "craft": "potier",
        "profile": (
            "<p>Cet artisan a choisi de ne pas être nommé. Nous respectons ce choix : ici, seules "
            "ses pièces parlent pour lui.</p>"
            "<p>Il travaille l'argile rouge de la région de Thiès au centre Jàng ak Liggéey, au "
            "tour et au colombin, et cuit ses pièces dans le four à bois du centre. Ses vases et "
            "ses jarres ont des formes amples, héritées des canaris où l'on garde l'eau fraîche "
            "dans les maisons sénégalaises.</p>"
            "<p>Il dit que la terre lui a appris la patience : une pièce séchée trop vite se fend, "
            "une pièce cuite trop tôt éclate.</p>"
        ),
        "consent": {
            "name": False,
            "face": False,
            "story": True,
            "given": "2026-01-15",
            "expires": None,
            "withdrawn": None,
        },
        "portrait": False,
    },
    {
        "slug": "aliou-seck",
        "display_name": "Aliou Seck",
        "identity": "full_name",
        "legal_name": "Aliou Seck",
        "private_notes": (
            "Consentement retiré le 1er septembre 2026 par un courrier remis au responsable de "
            "l'atelier : ne plus publier son nom, son portrait ni son histoire, nulle part. Ses "
            "ventes continuent d'être payées normalement sur son pécule. Ne pas le recontacter à "
            "ce sujet, sauf s'il en fait lui-même la demande."
        ),
        "workshop": "fleuve",
        "craft": "sculpteur",
        "profile": (
            "<p>Aliou Seck sculpte le bois depuis qu'il a rejoint l'atelier du Fleuve, à "
            "Saint-Louis. Il travaille surtout le dimb, un bois dur et brun de la région, qu'il "
            "taille à la hachette puis à la gouge.</p>"
            "<p>Ses masques au visage allongé et ses personnages debout s'inspirent librement des "
            "traditions d'Afrique de l'Ouest et de la vie de Saint-Louis, ses pêcheurs et ses "
            "pirogues.</p>"
        ),
        "consent": {
            "name": True,
            "face": True,
            "story": True,
            "given": "2025-07-15",
            "expires": None,
            "withdrawn": "2026-09-01",
        },
        "portrait": True,
    },
    {
        "slug": "ousmane",
        "display_name": "Ousmane",
        "identity": "first_name",
        "legal_name": "Ousmane Kane",
        "private_notes": (
            "Consentement valable jusqu'au 10 décembre 2026 : à revoir avec lui avant cette date "
            "(rendez-vous demandé au responsable de l'atelier). Un tiers de ses ventes reversé à "
            "sa famille à Louga, selon sa demande écrite. Verre fourni par un vitrier du quartier "
            "de Sor."
        ),
        "workshop": "fleuve",
        "craft": "peintre sous verre",
        "profile": (
            "<p>Ousmane a découvert la peinture sous verre enfant, chez un voisin qui peignait des "
            "souwères pour les mariages. Il n'y avait plus touché pendant des années, jusqu'à ce "
            "qu'il voie un formateur installer ses plaques de verre à l'atelier du Fleuve.</p>"
            "<p>Depuis, il peint Saint-Louis : le pont Faidherbe, les pirogues de Guet Ndar, les "
            "signares en grande coiffe. Tout se fait à l'envers, au dos de la vitre, et rien ne "
            "peut être effacé. « On apprend à réfléchir avant de poser le pinceau », dit-il.</p>"
            "<p>Il préfère qu'on l'appelle simplement par son prénom.</p>"
        ),
        "consent": {
            "name": True,
            "face": True,
            "story": True,
            "given": "2025-08-28",
            "expires": "2026-12-10",
            "withdrawn": None,
        },
        "portrait": True,
    },
    {
        "slug": "fatou-diatta",
        "display_name": "Fatou Diatta",
        "identity": "full_name",
        "legal_name": "Fatou Diatta",
        "private_notes": (
            "Sortie en novembre 2025. Carte d'identité renouvelée en janvier 2026. Compte "
            "d'épargne ouvert dans une caisse de Ziguinchor (numéro dans le dossier) ; virement "
            "chaque fin de mois. Allergie à certaines teintures : raphia naturel uniquement."
        ),
        "workshop": "kassoumay",
        "craft": "vannière",
        "profile": (
            "<p>Fatou Diatta a appris la vannerie auprès de sa grand-mère, en Basse-Casamance, en "
            "tressant des nattes et des paniers pour la maison. Elle a repris ce savoir-faire en "
            "détention, puis l'a emporté avec elle à sa sortie.</p>"
            "<p>À l'atelier Kassoumay de Ziguinchor, elle tresse le raphia et la feuille de "
            "palmier : paniers de marché solides, corbeilles basses, sacs cabas aux anses de cuir. "
            "Elle vend sur la boutique et, le samedi, sur le marché de son quartier.</p>"
            "<p>Elle aime les pièces qui servent tous les jours et qui durent. « Un bon panier, on "
            "le donne à sa fille », dit-elle.</p>"
        ),
        "consent": {
            "name": True,
            "face": True,
            "story": True,
            "given": "2025-12-05",
            "expires": "2027-12-05",
            "withdrawn": None,
        },
        "portrait": True,
    },
    {
        "slug": "khady",
        "display_name": "Khady",
        "identity": "first_name",
        "legal_name": "Khady Badji",
        "private_notes": (
            "Mère de trois enfants : ne jamais publier leurs prénoms ni le nom de son quartier. "
            "Table de coupe réglée à sa hauteur (1,62 m). RIB en attente : paiement en espèces à "
            "l'atelier chaque fin de mois, contre reçu signé."
        ),
        "workshop": "kassoumay",
        "craft": "couturière",
        "profile": (
            "<p>Khady coud à l'atelier Kassoumay de Ziguinchor depuis un peu plus d'un an. Elle a "
            "appris le métier en cousant des uniformes, puis a découvert à Kassoumay le wax et "
            "surtout le pagne tissé manjak, ces bandes étroites aux motifs géométriques qu'elle "
            "achète à des tisserands de la ville.</p>"
            "<p>Elle en fait des sacs, des housses de coussin et des chemises aux empiècements "
            "colorés, cousus avec le souci du détail : motifs raccordés, coutures surfilées, "
            "poches intérieures.</p>"
            "<p>Elle a choisi d'apparaître sous son prénom, sans photo de son visage.</p>"
        ),
        "consent": {
            "name": True,
            "face": False,
            "story": True,
            "given": "2026-03-04",
            "expires": None,
            "withdrawn": None,
        },
        "portrait": False,
    },
    {
        "slug": "ronier",
        "display_name": "Rônier",
        "identity": "pseudonym",
        "legal_name": "Jean-Baptiste Sagna",
        "private_notes": (
            "Visage accepté mais pas encore de portrait : séance photo à prévoir en décembre 2026. "
            "Sortie en juin 2025. Loue un poste à l'atelier depuis août 2025 et cherche un local "
            "dans le quartier de Boucotte. Taille de tee-shirt pour les ventes éphémères : L."
        ),
        "workshop": "kassoumay",
        "craft": "menuisier",
        "profile": (
            "<p>Rônier est le nom qu'il a choisi pour signer ses meubles : celui d'un palmier de "
            "Casamance au bois fibreux et résistant, dont on fait depuis toujours des charpentes "
            "et des tabourets. « Un arbre qui tient debout dans le vent », résume-t-il.</p>"
            "<p>Menuisier formé en atelier pendant sa détention, il loue aujourd'hui un poste de "
            "travail à l'atelier Kassoumay de Ziguinchor. Il y fabrique des meubles simples et "
            "solides, pensés pour les cours et les cuisines : tabourets bas, étagères en échelle, "
            "tables d'appoint en teck de la région.</p>"
            "<p>Il épargne pour ouvrir, un jour, un atelier avec une porte qui donne sur la "
            "rue.</p>"
        ),
        "consent": {
            "name": False,
            "face": True,
            "story": True,
            "given": "2025-11-18",
            "expires": None,
            "withdrawn": None,
        },
        "portrait": False,
    },
]

# Products. Prices are the artisan's, in XOF; the shop adds its 10 % markup.
PRODUCTS = [
    {
        "slug": "toile-lutteurs-au-crepuscule",
        "title": "Lutteurs au crépuscule",
        "artisan": "diamono",
        "category": "art",
        "kind": "painting",
        "artisan_price": 145_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Acrylique sur toile de coton, châssis en bois",
        "dimensions": "100 × 70 cm",
        "care_notes": (
            "Accrocher à l'abri du soleil direct et de l'humidité. Dépoussiérer avec un pinceau "
            "doux, sans eau ni produit."
        ),
        "description": (
            "<p>Deux lutteurs face à face dans l'arène, au moment où le combat va commencer. Le "
            "ciel orangé, la foule réduite à des touches de couleur et les corps tendus l'un vers "
            "l'autre disent toute la tension de la lutte sénégalaise, ce sport que Dakar suit "
            "chaque dimanche.</p>"
            "<p>Pièce unique, signée au dos par le peintre. Livrée tendue sur châssis, prête à "
            "accrocher.</p>"
        ),
        "alt": (
            "Toile aux couleurs chaudes montrant deux lutteurs face à face sous un ciel orange, "
            "devant une foule stylisée."
        ),
    },
    {
        "slug": "robe-wax-portefeuille",
        "title": "Robe portefeuille en wax",
        "artisan": "awa-ndiaye",
        "category": "vetements",
        "kind": "dress",
        "artisan_price": 32_000,
        "stock": 8,
        "one_of_a_kind": False,
        "materials": "Wax 100 % coton, liens à nouer",
        "dimensions": "Taille ajustable du 36 au 44, longueur 120 cm",
        "care_notes": (
            "Lavage en machine à 30 °C, sur l'envers. Séchage à l'ombre pour préserver les "
            "couleurs. Repassage à fer moyen."
        ),
        "description": (
            "<p>Une robe portefeuille qui se noue à la taille et s'ajuste à la silhouette, coupée "
            "dans un wax aux motifs bleus et ocre. Les coutures intérieures sont surfilées et "
            "l'ourlet est cousu à la main.</p>"
            "<p>Chaque robe est coupée à l'unité : le placement du motif varie légèrement d'une "
            "pièce à l'autre.</p>"
        ),
        "alt": (
            "Robe portefeuille en wax à motifs bleus et ocre, présentée sur un mannequin de "
            "couture."
        ),
    },
    {
        "slug": "panier-raphia-anses",
        "title": "Panier de marché en raphia",
        "artisan": "fatou-diatta",
        "category": "decoration",
        "kind": "basket",
        "artisan_price": 15_000,
        "stock": 9,
        "one_of_a_kind": False,
        "materials": "Raphia naturel, anses cousues à double tour",
        "dimensions": "Ø 35 cm, hauteur 30 cm (sans les anses)",
        "care_notes": (
            "Essuyer avec un chiffon humide et laisser sécher à l'air libre. Éviter de le laisser "
            "sous la pluie."
        ),
        "description": (
            "<p>Un panier solide, tressé serré, pensé pour le marché du samedi : son fond rigide "
            "tient la charge d'un sac de riz de cinq kilos et ses anses sont cousues à double "
            "tour. Il se plie à plat quand il est vide.</p>"
            "<p>Tressé à la main par Fatou Diatta à Ziguinchor, en deux jours de travail "
            "environ.</p>"
        ),
        "alt": "Grand panier rond en raphia naturel avec deux anses, posé sur un sol en ciment.",
    },
    {
        "slug": "lampe-a-poser-ajouree",
        "title": "Lampe à poser ajourée",
        "artisan": "yeesal",
        "category": "decoration",
        "kind": "lamp",
        "artisan_price": 38_000,
        "stock": 5,
        "one_of_a_kind": False,
        "materials": "Tôle de bidon recyclée, peinture époxy, câble textile, douille E27",
        "dimensions": "Ø 22 cm, hauteur 34 cm",
        "care_notes": (
            "Utiliser une ampoule LED de 6 W au plus. Débrancher avant tout nettoyage ; un chiffon "
            "sec suffit."
        ),
        "description": (
            "<p>Un ancien bidon d'huile, aplati, percé trou après trou au burin, puis roulé et "
            "soudé : allumée, cette lampe projette sur les murs un semis de points lumineux. La "
            "peinture époxy noire mate protège la tôle de la rouille.</p>"
            "<p>L'installation électrique est vérifiée par le formateur électricien de l'atelier "
            "avant chaque envoi.</p>"
        ),
        "alt": (
            "Lampe cylindrique en métal noir percée de petits trous, allumée, projetant des points "
            "de lumière sur un mur."
        ),
    },
    {
        "slug": "tabouret-trois-pieds-vene",
        "title": "Tabouret trois pieds en vène",
        "artisan": "ibrahima-sarr",
        "category": "mobilier",
        "kind": "stool",
        "artisan_price": 35_000,
        "stock": 6,
        "one_of_a_kind": False,
        "materials": "Vène massif, finition à l'huile de lin",
        "dimensions": "Ø 32 cm, hauteur 45 cm",
        "care_notes": (
            "Dépoussiérer avec un chiffon sec. Nourrir à l'huile de lin une à deux fois par an. "
            "Éviter le plein soleil prolongé."
        ),
        "description": (
            "<p>Un tabouret à trois pieds, stable sur tous les sols, même les plus inégaux. "
            "L'assise est creusée à la gouge pour épouser la forme du corps ; les pieds y sont "
            "assemblés par des tenons chevillés, sans clou ni vis.</p>"
            "<p>Le vène, bois dur aux reflets rouges, prend avec le temps une patine plus sombre. "
            "Chaque tabouret, conçu et façonné par Ibrahima Sarr, porte sous l'assise la date de "
            "sa fabrication.</p>"
        ),
        "alt": (
            "Tabouret en bois rouge à trois pieds légèrement écartés, avec une assise ronde "
            "creusée, sur fond blanc."
        ),
    },
    {
        "slug": "chaise-cailcedrat-assise-tressee",
        "title": "Chaise en caïlcédrat, assise tressée",
        "artisan": "ibrahima-sarr",
        "category": "mobilier",
        "kind": "chair",
        "artisan_price": 85_000,
        "stock": 3,
        "one_of_a_kind": False,
        "materials": "Caïlcédrat massif, assise en corde de sisal tressée à la main",
        "dimensions": "45 × 48 cm, hauteur 86 cm (assise à 46 cm)",
        "care_notes": (
            "Dépoussiérer régulièrement. Huiler le bois une fois par an. Ne pas laisser l'assise "
            "en sisal à l'humidité."
        ),
        "description": (
            "<p>Une chaise droite au dossier légèrement incliné, en caïlcédrat massif, avec une "
            "assise en corde de sisal tressée à la main. Le tressage en chevrons, bien serré, "
            "reste frais par temps chaud et se retend facilement.</p>"
            "<p>Chaque chaise demande environ une semaine de travail à l'atelier du Baobab.</p>"
        ),
        "alt": (
            "Chaise en bois brun au dossier droit, avec une assise en corde claire tressée en "
            "chevrons."
        ),
    },
    {
        "slug": "table-basse-vene-plateau-rabote",
        "title": "Table basse en vène, plateau raboté",
        "artisan": "ibrahima-sarr",
        "category": "mobilier",
        "kind": "table",
        "artisan_price": 180_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Vène massif, finition huile et cire d'abeille",
        "dimensions": "110 × 60 cm, hauteur 40 cm",
        "care_notes": (
            "Essuyer aussitôt les liquides renversés. Entretenir à la cire d'abeille deux fois par "
            "an."
        ),
        "description": (
            "<p>Une table basse au plateau épais, fait de deux planches de vène assemblées à joint "
            "vif. Le plateau a été dressé au rabot à main et garde volontairement de légères "
            "ondulations qui accrochent la lumière.</p>"
            "<p>Pièce unique : le veinage de ce bois ne se retrouvera sur aucune autre table.</p>"
        ),
        "alt": (
            "Table basse rectangulaire en bois rouge veiné, au plateau épais aux reflets ondulés, "
            "sur quatre pieds droits."
        ),
    },
    {
        "slug": "etagere-murale-sans-vis",
        "title": "Étagère murale sans vis",
        "artisan": "ibrahima-sarr",
        "category": "mobilier",
        "kind": "shelf",
        "artisan_price": 62_000,
        "stock": 4,
        "one_of_a_kind": False,
        "materials": "Caïlcédrat massif, assemblages à tenons et mortaises, chevilles en bois",
        "dimensions": "80 × 22 cm, hauteur 90 cm, 3 niveaux",
        "care_notes": (
            "Charge conseillée : 10 kg par niveau. Fixer au mur avec les deux pattes fournies. "
            "Huiler une fois par an."
        ),
        "description": (
            "<p>Trois niveaux, deux montants et pas une seule vis : cette étagère tient par ses "
            "assemblages à tenons et mortaises, bloqués par des chevilles en bois apparentes. Elle "
            "se fixe au mur ou se pose au sol contre une cloison.</p>"
        ),
        "alt": (
            "Étagère murale en bois brun à trois niveaux, dont les montants sont reliés par des "
            "chevilles apparentes."
        ),
    },
    {
        "slug": "toile-car-rapide-colobane",
        "title": "Car rapide à Colobane",
        "artisan": "diamono",
        "category": "art",
        "kind": "painting",
        "artisan_price": 120_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Acrylique sur toile de coton, châssis en bois",
        "dimensions": "80 × 60 cm",
        "care_notes": (
            "Accrocher à l'abri du soleil direct et de l'humidité. Dépoussiérer avec un pinceau "
            "doux, sans eau ni produit."
        ),
        "description": (
            "<p>Un car rapide bleu et jaune, bondé, pris dans les embouteillages de Colobane. Les "
            "inscriptions peintes sur la carrosserie, les bagages arrimés sur le toit et "
            "l'apprenti accroché à l'arrière : tout Dakar tient dans cette scène.</p>"
            "<p>Pièce unique, signée « Diamono » au dos.</p>"
        ),
        "alt": (
            "Toile colorée représentant un car rapide bleu et jaune chargé de bagages dans une rue "
            "encombrée."
        ),
    },
    {
        "slug": "panneau-marche-tilene",
        "title": "Le marché Tilène",
        "artisan": "diamono",
        "category": "art",
        "kind": "painting",
        "artisan_price": 95_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Acrylique sur contreplaqué de récupération, vernis mat",
        "dimensions": "60 × 60 cm",
        "care_notes": (
            "Accrocher à l'abri du soleil direct et de l'humidité. Dépoussiérer avec un pinceau "
            "doux, sans eau ni produit."
        ),
        "description": (
            "<p>Les étals du marché Tilène vus d'en haut : bassines de piments, tas d'oignons, "
            "pagnes des vendeuses. La scène est peinte sur un panneau de contreplaqué récupéré, "
            "dont le grain du bois apparaît par endroits sous la peinture.</p>"
            "<p>Pièce unique.</p>"
        ),
        "alt": (
            "Peinture carrée montrant, vus du dessus, des étals de marché remplis de piments "
            "rouges, d'oignons et de tissus colorés."
        ),
    },
    {
        "slug": "suspension-jante-velo",
        "title": "Suspension en jante de vélo",
        "artisan": "yeesal",
        "category": "decoration",
        "kind": "lamp",
        "artisan_price": 46_500,
        "stock": 3,
        "one_of_a_kind": False,
        "materials": (
            "Jante de vélo recyclée, tiges d'acier, peinture époxy, câble textile, douille E27"
        ),
        "dimensions": "Ø 60 cm, hauteur 25 cm, câble de 1,2 m",
        "care_notes": (
            "Installation par un électricien conseillée. Ampoule LED uniquement. Dépoussiérer au "
            "chiffon sec."
        ),
        "description": (
            "<p>Une jante de vélo récupérée devient une suspension aérienne : des tiges d'acier "
            "soudées en rayons portent un abat-jour conique en tôle fine. Elle éclaire une table "
            "ou un coin de salon d'une lumière douce, dirigée vers le bas.</p>"
        ),
        "alt": (
            "Suspension circulaire faite d'une jante de vélo peinte en noir, avec un abat-jour "
            "conique en son centre."
        ),
    },
    {
        "slug": "oiseau-metal-recupere",
        "title": "Oiseau en métal de récupération",
        "artisan": "yeesal",
        "category": "art",
        "kind": "sculpture",
        "artisan_price": 75_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Ressorts, écrous, clous et tôles de récupération soudés, vernis antirouille",
        "dimensions": "45 × 20 × 38 cm",
        "care_notes": (
            "Pour l'intérieur. Dépoussiérer au pinceau. Un peu d'huile sur un chiffon ravive le "
            "métal."
        ),
        "description": (
            "<p>Un ressort de sommier pour le cou, deux écrous pour les yeux, une cuillère tordue "
            "pour le bec : cet oiseau échassier est assemblé à partir des chutes de l'atelier. "
            "Chaque sculpture dépend de ce que contient ce jour-là la caisse de ferraille ; il n'y "
            "en aura pas deux pareilles.</p>"
        ),
        "alt": (
            "Sculpture d'un oiseau échassier en métal soudé, au cou en ressort et aux yeux en "
            "écrous, posée sur un socle en bois."
        ),
    },
    {
        "slug": "robe-bazin-ceremonie",
        "title": "Robe de cérémonie en bazin brodé",
        "artisan": "awa-ndiaye",
        "category": "vetements",
        "kind": "dress",
        "artisan_price": 95_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Bazin riche teint à la main, broderie au fil doré",
        "dimensions": "Taille 40, longueur 150 cm",
        "care_notes": (
            "Nettoyage à sec conseillé, ou lavage à la main à l'eau froide, sans trempage. "
            "Repasser sur l'envers."
        ),
        "description": (
            "<p>Une longue robe de cérémonie en bazin riche, teinte en bleu nuit par un atelier de "
            "teinture de Thiès, puis brodée à la main au fil doré autour de l'encolure et des "
            "manches. Trois semaines de travail au centre Jàng ak Liggéey.</p>"
            "<p>Pièce unique, conçue et cousue par Awa Ndiaye pendant sa formation.</p>"
        ),
        "alt": (
            "Longue robe bleu nuit en bazin brillant, à l'encolure et aux manches brodées de fil "
            "doré, sur un mannequin."
        ),
    },
    {
        "slug": "chemise-col-mao-lin-wax",
        "title": "Chemise col Mao, lin et wax",
        "artisan": "awa-ndiaye",
        "category": "vetements",
        "kind": "shirt",
        "artisan_price": 24_000,
        "stock": 6,
        "one_of_a_kind": False,
        "materials": "Lin lavé, empiècements en wax 100 % coton, boutons en corne",
        "dimensions": "Taille L : tour de poitrine 112 cm, longueur 76 cm",
        "care_notes": "Lavage à 30 °C sur l'envers. Repasser encore humide.",
        "description": (
            "<p>Une chemise à col Mao en lin écru, légère et respirante, relevée d'empiècements de "
            "wax au col et aux poignets. Les boutonnières sont faites à la machine et les boutons "
            "en corne cousus à la main.</p>"
        ),
        "alt": (
            "Chemise à col Mao en lin écru, avec un col et des poignets en wax orange et vert, "
            "posée à plat."
        ),
    },
    {
        "slug": "coussin-patchwork-wax",
        "title": "Coussin patchwork de chutes de wax",
        "artisan": "awa-ndiaye",
        "category": "decoration",
        "kind": "cushion",
        "artisan_price": 8_745,
        "stock": 10,
        "one_of_a_kind": False,
        "materials": "Chutes de wax, doublure en coton, garnissage en kapok, fermeture à glissière",
        "dimensions": "40 × 40 cm",
        "care_notes": (
            "Housse amovible, lavable à 30 °C. Aérer le garnissage au soleil de temps en temps."
        ),
        "description": (
            "<p>Rien ne se perd à l'atelier de couture : les chutes de wax des robes et des "
            "chemises sont assemblées en patchwork pour ces coussins garnis de kapok, la fibre "
            "végétale du fromager. Chaque coussin est différent.</p>"
        ),
        "alt": (
            "Coussin carré en patchwork de tissus wax aux motifs variés, posé sur un banc en bois."
        ),
    },
    {
        "slug": "vase-argile-rouge-col-etroit",
        "title": "Vase en argile rouge à col étroit",
        "artisan": "artisan-de-thies",
        "category": "decoration",
        "kind": "vase",
        "artisan_price": 18_000,
        "stock": 7,
        "one_of_a_kind": False,
        "materials": "Argile rouge de la région de Thiès, cuisson au four à bois",
        "dimensions": "Ø 18 cm, hauteur 32 cm",
        "care_notes": (
            "Pièce poreuse : pour des fleurs fraîches, glisser un récipient étanche à l'intérieur. "
            "Nettoyer à l'eau claire."
        ),
        "description": (
            "<p>Un vase à la panse ronde et au col étroit, inspiré des canaris où l'on garde l'eau "
            "fraîche. Tourné à la main puis cuit au four à bois, il garde les nuances de la flamme "
            ": plus sombre par endroits, presque orangé ailleurs.</p>"
        ),
        "alt": (
            "Vase en terre cuite rouge à panse ronde et col étroit, aux nuances orangées et brunes."
        ),
    },
    {
        "slug": "jarre-canari-engobee",
        "title": "Petite jarre canari engobée",
        "artisan": "artisan-de-thies",
        "category": "decoration",
        "kind": "vase",
        "artisan_price": 27_500,
        "stock": 0,
        "one_of_a_kind": False,
        "materials": "Argile rouge, engobe clair poli au galet, cuisson au four à bois",
        "dimensions": "Ø 28 cm, hauteur 30 cm",
        "care_notes": (
            "Décorative : ne convient pas à la conservation de l'eau de boisson. Essuyer avec un "
            "chiffon doux."
        ),
        "description": (
            "<p>Une petite jarre au profil de canari, recouverte d'un engobe clair poli au galet "
            "avant la cuisson, ce qui lui donne un éclat satiné. Elle est produite en petite "
            "série, au rythme des cuissons du centre : environ une toutes les trois semaines.</p>"
        ),
        "alt": (
            "Petite jarre ronde à l'engobe beige satiné et à large ouverture, posée sur une natte."
        ),
    },
    {
        "slug": "lampe-terre-cuite-ajouree",
        "title": "Lampe en terre cuite ajourée",
        "artisan": "artisan-de-thies",
        "category": "decoration",
        "kind": "lamp",
        "artisan_price": 12_345,
        "stock": 4,
        "one_of_a_kind": False,
        "materials": "Terre cuite percée à la main, socle en bois, câble et douille E14",
        "dimensions": "Ø 15 cm, hauteur 24 cm",
        "care_notes": (
            "Ampoule LED de 4 W au plus. Pièce fragile : la déplacer en la tenant par le socle."
        ),
        "description": (
            "<p>Une petite lampe en terre cuite percée d'une centaine de trous, qui change une "
            "pièce sombre en ciel étoilé. Le modèle est né d'un hasard de cuisson au centre de "
            "Thiès ; chaque exemplaire est percé à la main, trou après trou.</p>"
        ),
        "alt": (
            "Petite lampe en terre cuite ajourée, allumée, projetant des points lumineux sur un "
            "mur sombre."
        ),
    },
    {
        "slug": "masque-dimb-patine",
        "title": "Masque en bois de dimb patiné",
        "artisan": "aliou-seck",
        "category": "art",
        "kind": "mask",
        "artisan_price": 48_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Bois de dimb sculpté, patine à la cire d'abeille teintée",
        "dimensions": "38 × 18 cm",
        "care_notes": "Dépoussiérer au pinceau. Tenir éloigné des sources de chaleur.",
        "description": (
            "<p>Un masque au visage allongé, au front haut et aux yeux mi-clos, taillé dans un "
            "bloc de dimb puis patiné à la cire teintée. Une œuvre d'inspiration libre, qui ne "
            "reproduit aucun objet rituel.</p>"
            "<p>Pièce unique de l'atelier du Fleuve, à Saint-Louis.</p>"
        ),
        "alt": (
            "Masque en bois brun foncé au visage allongé et aux yeux mi-clos, accroché à un mur "
            "blanc."
        ),
    },
    {
        "slug": "masque-rieur-serie",
        "title": "Petit masque rieur",
        "artisan": "aliou-seck",
        "category": "art",
        "kind": "mask",
        "artisan_price": 22_000,
        "stock": 3,
        "one_of_a_kind": False,
        "materials": "Bois de vène sculpté, finition à la cire d'abeille",
        "dimensions": "22 × 14 cm",
        "care_notes": "Dépoussiérer au pinceau. Tenir éloigné des sources de chaleur.",
        "description": (
            "<p>Un petit masque au large sourire, sculpté en petite série : chaque exemplaire est "
            "taillé à la main et diffère légèrement des autres. Il se suspend par une cordelette "
            "fixée au dos.</p>"
        ),
        "alt": (
            "Petit masque en bois rougeâtre au large sourire et aux joues rondes, sur fond clair."
        ),
    },
    {
        "slug": "sculpture-pecheur-guet-ndar",
        "title": "Pêcheur de Guet Ndar",
        "artisan": "aliou-seck",
        "category": "art",
        "kind": "sculpture",
        "artisan_price": 110_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Bois de dimb massif, finition à l'huile",
        "dimensions": "Hauteur 62 cm, socle 18 × 18 cm",
        "care_notes": "Dépoussiérer au pinceau. Nourrir le bois à l'huile une fois par an.",
        "description": (
            "<p>Un pêcheur de Guet Ndar debout, le filet sur l'épaule, taillé dans un seul bloc de "
            "dimb. Les traces de gouge restent visibles sur le vêtement ; le visage et les mains "
            "sont polis, pour que la lumière s'y arrête.</p>"
            "<p>Deux mois de travail à l'atelier du Fleuve. Pièce unique.</p>"
        ),
        "alt": (
            "Statuette en bois brun d'un pêcheur debout portant un filet sur l'épaule, sur un "
            "socle carré."
        ),
    },
    {
        "slug": "souwere-pont-faidherbe",
        "title": "Le pont Faidherbe au soir",
        "artisan": "ousmane",
        "category": "art",
        "kind": "painting",
        "artisan_price": 35_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Peinture sous verre (souwère), encres et gouache, cadre en bois peint",
        "dimensions": "40 × 30 cm avec le cadre",
        "care_notes": (
            "Manipuler avec précaution : le verre est peint au dos. Nettoyer la vitre avec un "
            "chiffon sec, jamais avec un produit liquide qui pourrait s'infiltrer sous le cadre."
        ),
        "description": (
            "<p>Le pont Faidherbe au coucher du soleil, ses arches métalliques découpées sur un "
            "ciel rose, et des pirogues qui glissent sur le fleuve. La scène est peinte à "
            "l'envers, directement au dos de la vitre, selon la technique du souwère.</p>"
            "<p>Pièce unique, encadrée à l'atelier du Fleuve.</p>"
        ),
        "alt": (
            "Peinture sous verre d'un pont métallique à arches au-dessus d'un fleuve au coucher du "
            "soleil, avec des pirogues."
        ),
    },
    {
        "slug": "souwere-pirogues-au-petit-matin",
        "title": "Pirogues au petit matin",
        "artisan": "ousmane",
        "category": "art",
        "kind": "painting",
        "artisan_price": 35_000,
        "stock": 0,
        "one_of_a_kind": True,
        "materials": "Peinture sous verre (souwère), encres et gouache, cadre en bois peint",
        "dimensions": "40 × 30 cm avec le cadre",
        "care_notes": (
            "Manipuler avec précaution : le verre est peint au dos. Nettoyer la vitre avec un "
            "chiffon sec, jamais avec un produit liquide qui pourrait s'infiltrer sous le cadre."
        ),
        "description": (
            "<p>Des pirogues aux couleurs vives alignées sur la plage de Guet Ndar au petit matin, "
            "pendant que les pêcheurs préparent les filets. C'est le premier sous-verre qu'Ousmane "
            "a proposé sur la boutique.</p>"
            "<p>Pièce unique.</p>"
        ),
        "alt": (
            "Peinture sous verre de pirogues colorées alignées sur une plage, avec des pêcheurs "
            "sous un ciel pâle."
        ),
    },
    {
        "slug": "souwere-signare-a-l-eventail",
        "title": "La signare à l'éventail",
        "artisan": "ousmane",
        "category": "art",
        "kind": "painting",
        "artisan_price": 42_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Peinture sous verre (souwère), encres et gouache, cadre en bois peint",
        "dimensions": "45 × 35 cm avec le cadre",
        "care_notes": (
            "Manipuler avec précaution : le verre est peint au dos. Nettoyer la vitre avec un "
            "chiffon sec, jamais avec un produit liquide qui pourrait s'infiltrer sous le cadre."
        ),
        "description": (
            "<p>Une signare de Saint-Louis, figure élégante de l'histoire de la ville, coiffée "
            "d'un haut foulard et tenant un éventail. Un motif classique du souwère, revisité avec "
            "des couleurs franches et des motifs de pagne très détaillés.</p>"
            "<p>Pièce unique.</p>"
        ),
        "alt": (
            "Peinture sous verre d'une femme en haute coiffe et robe à motifs, tenant un éventail, "
            "sur fond jaune."
        ),
    },
    {
        "slug": "corbeille-feuille-palmier",
        "title": "Corbeille en feuille de palmier",
        "artisan": "fatou-diatta",
        "category": "decoration",
        "kind": "basket",
        "artisan_price": 9_500,
        "stock": 12,
        "one_of_a_kind": False,
        "materials": "Feuilles de palmier séchées, cerclage en raphia",
        "dimensions": "Ø 30 cm, hauteur 10 cm",
        "care_notes": "Dépoussiérer, puis essuyer au chiffon humide. Ne pas laver à grande eau.",
        "description": (
            "<p>Une corbeille basse tressée en spirale, pour le pain, les fruits ou le petit "
            "rangement. La feuille de palmier séchée lui donne une couleur paille qui se patine "
            "doucement avec le temps.</p>"
        ),
        "alt": (
            "Corbeille ronde et basse tressée en spirale, en feuilles de palmier couleur paille, "
            "remplie de mangues."
        ),
    },
    {
        "slug": "sac-cabas-raphia-cuir",
        "title": "Sac cabas en raphia et cuir",
        "artisan": "fatou-diatta",
        "category": "vetements",
        "kind": "bag",
        "artisan_price": 28_000,
        "stock": 5,
        "one_of_a_kind": False,
        "materials": "Raphia naturel tressé, anses en cuir, doublure en coton",
        "dimensions": "42 × 35 cm, profondeur 14 cm",
        "care_notes": "Éviter la pluie. Nourrir le cuir avec une crème incolore deux fois par an.",
        "description": (
            "<p>Un cabas souple et résistant, tressé en raphia naturel, avec des anses en cuir "
            "assez longues pour se porter à l'épaule. L'intérieur est doublé de coton et se ferme "
            "par un bouton-pression.</p>"
        ),
        "alt": (
            "Sac cabas en raphia naturel avec de longues anses en cuir brun, posé contre un mur."
        ),
    },
    {
        "slug": "sac-bandouliere-pagne-tisse",
        "title": "Sac bandoulière en pagne tissé",
        "artisan": "khady",
        "category": "vetements",
        "kind": "bag",
        "artisan_price": 19_500,
        "stock": 4,
        "one_of_a_kind": False,
        "materials": "Pagne tissé manjak, doublure en coton, sangle réglable en coton",
        "dimensions": "28 × 22 cm, sangle de 120 cm",
        "care_notes": "Lavage à la main à l'eau froide. Ne pas essorer ; sécher à plat.",
        "description": (
            "<p>Un sac bandoulière taillé dans une bande de pagne tissé manjak aux motifs "
            "géométriques noirs et blancs, achetée à des tisserands de Ziguinchor. Fermeture à "
            "glissière, poche intérieure et sangle réglable.</p>"
        ),
        "alt": (
            "Sac bandoulière rectangulaire en tissu tissé à motifs géométriques noirs et blancs, "
            "avec une sangle en coton."
        ),
    },
    {
        "slug": "chemise-wax-manches-courtes",
        "title": "Chemise en wax à manches courtes",
        "artisan": "khady",
        "category": "vetements",
        "kind": "shirt",
        "artisan_price": 18_000,
        "stock": 0,
        "one_of_a_kind": False,
        "materials": "Wax 100 % coton, boutons en nacre",
        "dimensions": "Taille M : tour de poitrine 104 cm, longueur 74 cm",
        "care_notes": "Lavage à 30 °C sur l'envers, séchage à l'ombre.",
        "description": (
            "<p>Une chemise à manches courtes et col classique, coupée dans un wax aux grands "
            "cercles jaunes et bleus. Le motif est raccordé au milieu du devant, comme chez les "
            "tailleurs les plus exigeants.</p>"
            "<p>Toute la série a trouvé preneur ; une nouvelle série est en cours de couture.</p>"
        ),
        "alt": "Chemise à manches courtes en wax à grands cercles jaunes et bleus, sur un cintre.",
    },
    {
        "slug": "housse-coussin-pagne-manjak",
        "title": "Housse de coussin en pagne manjak",
        "artisan": "khady",
        "category": "decoration",
        "kind": "cushion",
        "artisan_price": 11_000,
        "stock": 6,
        "one_of_a_kind": False,
        "materials": "Pagne tissé manjak, dos en coton uni, fermeture à glissière",
        "dimensions": "45 × 45 cm (housse seule)",
        "care_notes": (
            "Lavage à la main à l'eau froide. Repasser sur l'envers, sans vapeur sur la partie "
            "tissée."
        ),
        "description": (
            "<p>Une housse de coussin qui associe une bande de pagne manjak tissée à la main et un "
            "dos en coton écru. Livrée sans garnissage, elle s'adapte à un coussin standard de 45 "
            "cm.</p>"
        ),
        "alt": (
            "Housse de coussin carrée avec une bande centrale tissée à motifs rouges et noirs sur "
            "un fond en coton écru."
        ),
    },
    {
        "slug": "tabouret-bas-ronier",
        "title": "Tabouret bas en rônier",
        "artisan": "ronier",
        "category": "mobilier",
        "kind": "stool",
        "artisan_price": 16_000,
        "stock": 8,
        "one_of_a_kind": False,
        "materials": "Plateau en bois de rônier, pieds en teck chevillés",
        "dimensions": "30 × 30 cm, hauteur 25 cm",
        "care_notes": "Convient à l'extérieur sous abri. Huiler une fois par an.",
        "description": (
            "<p>Le tabouret bas des cuisines et des cours de Casamance, pour s'asseoir près du feu "
            "ou trier le riz. Le plateau en rônier, fibreux et très résistant, repose sur quatre "
            "pieds en teck solidement chevillés.</p>"
        ),
        "alt": (
            "Tabouret bas carré en bois fibreux clair, sur quatre pieds courts, posé dans une cour."
        ),
    },
    {
        "slug": "table-appoint-teck",
        "title": "Table d'appoint ronde en teck",
        "artisan": "ronier",
        "category": "mobilier",
        "kind": "table",
        "artisan_price": 68_000,
        "stock": 1,
        "one_of_a_kind": True,
        "materials": "Teck de Casamance, plateau d'une seule pièce, finition à l'huile",
        "dimensions": "Ø 50 cm, hauteur 55 cm",
        "care_notes": (
            "Essuyer aussitôt les liquides renversés. Huiler au besoin avec une huile pour teck."
        ),
        "description": (
            "<p>Une table d'appoint ronde dont le plateau est taillé dans une seule planche de "
            "teck, montée sur trois pieds légèrement évasés. Le cœur du bois, plus sombre, dessine "
            "une spirale au centre du plateau.</p>"
            "<p>Pièce unique.</p>"
        ),
        "alt": (
            "Table d'appoint ronde en teck doré, au plateau veiné d'une spirale sombre, sur trois "
            "pieds évasés."
        ),
    },
    {
        "slug": "etagere-echelle-ronier",
        "title": "Étagère échelle en rônier",
        "artisan": "ronier",
        "category": "mobilier",
        "kind": "shelf",
        "artisan_price": 54_000,
        "stock": 2,
        "one_of_a_kind": False,
        "materials": "Montants en rônier, tablettes en teck",
        "dimensions": "60 × 35 cm, hauteur 160 cm, 4 tablettes",
        "care_notes": (
            "Poser contre un mur stable et fixer le haut avec l'attache fournie. Huiler une fois "
            "par an."
        ),
        "description": (
            "<p>Une étagère en forme d'échelle, à poser contre un mur : pour les bassines et les "
            "calebasses dans une cuisine, ou pour les livres et les plantes dans un salon. Elle se "
            "démonte en trois parties pour le transport.</p>"
        ),
        "alt": (
            "Étagère en forme d'échelle appuyée contre un mur, avec quatre tablettes en bois "
            "portant des calebasses et des plantes."
        ),
    },
]

# Stories. Blocks are (type, value) tuples, as in StoryStreamBlock.
STORIES = [
    {
        "slug": "une-journee-a-l-atelier-du-baobab",
        "title": "Une journée à l'atelier du Baobab",
        "standfirst": (
            "De l'appel du matin au dernier coup de balai, nous avons passé une journée dans "
            "l'atelier de menuiserie et de peinture installé dans un établissement de Dakar. "
            "Rencontre avec l'ébéniste Ibrahima Sarr et le peintre Diamono."
        ),
        "date": "2025-09-18",
        "artisans": ["ibrahima-sarr", "diamono"],
        "tags": ["atelier", "savoir-faire"],
        "hero_scene": "workshop",
        "hero_caption": "L'établi principal de l'atelier du Baobab, en fin de matinée.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Il est huit heures et demie quand la porte de l'atelier s'ouvre. Le "
                "surveillant fait l'appel, chacun signe le cahier de présence, puis les volets "
                "métalliques se lèvent sur une grande salle qui sent la sciure et l'huile de lin. "
                "Quinze postes de travail, deux établis de menuisier, un coin peinture près de la "
                "fenêtre et, au fond, une armoire fermée à clé où l'on range les outils coupants, "
                "comptés matin et soir.</p>"
                "<p>Ibrahima Sarr arrive toujours parmi les premiers. Il accroche sa blouse, "
                "vérifie les planches de vène empilées la veille, puis répartit le travail : un "
                "apprenti au ponçage des pieds de tabouret, l'autre au traçage des mortaises "
                "d'une étagère. « Le matin, on fait ce qui demande de la précision. L'après-midi, "
                "avec la chaleur, on ponce et on finit », explique-t-il.</p>"
                "<h2>Le bois, d'abord</h2>"
                "<p>Le bois arrive d'une scierie de Thiès, une fois par mois. Vène, caïlcédrat, "
                "parfois un peu de teck : Ibrahima choisit chaque planche avec le maître ébéniste "
                "qui intervient trois matinées par semaine. Les planches sèchent ensuite "
                "plusieurs semaines sous l'auvent de la cour avant d'être débitées. Une erreur de "
                "séchage, et c'est une table qui se voile six mois plus tard chez un client.</p>"
                "<p>À l'atelier, on ne travaille pas à la chaîne. Chaque meuble est suivi par une "
                "seule personne, du premier trait de crayon à la dernière couche d'huile. Une "
                "date est inscrite au crayon sous le plateau ou sous l'assise. « Quand quelqu'un "
                "achète un tabouret, il doit savoir que c'est une personne qui l'a fait, pas une "
                "machine », dit Ibrahima.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Ici, on me demande mon avis. Pour un assemblage, pour une finition. Ça, "
                        "je l'avais un peu oublié."
                    ),
                    "attribution": "Ibrahima Sarr, ébéniste",
                },
            ),
            (
                "product_card",
                {
                    "product": "chaise-cailcedrat-assise-tressee",
                    "text": "La chaise dont Ibrahima ajustait les tenons ce matin-là.",
                },
            ),
            (
                "text",
                "<h2>Le coin des couleurs</h2>"
                "<p>Près de la fenêtre, Diamono a installé son chevalet entre deux pots de "
                "pinceaux. Il peint debout, dos à la salle, une petite radio posée à ses pieds. "
                "Ce jour-là, il termine une scène de lutte : deux silhouettes tendues l'une vers "
                "l'autre, un ciel orange, la foule réduite à des taches de couleur. Il ne montre "
                "pas son visage et préfère qu'on parle de ses toiles plutôt que de lui.</p>"
                "<p>Autour de lui, deux autres membres de l'atelier s'essaient à la peinture. "
                "Diamono leur montre comment préparer une toile, diluer l'acrylique, poser un "
                "fond avant de dessiner. Il ne donne pas de cours, dit-il : il montre, puis il "
                "laisse faire. Au mur, une dizaine d'esquisses attendent leur tour, punaisées "
                "dans l'ordre où il compte les peindre.</p>"
                "<p>Le prix de chaque pièce est fixé avec l'artisan, en tenant compte du matériel "
                "et du temps passé. Quand elle se vend, il reçoit ce prix en entier ; la marge de "
                "10 % ajoutée par la boutique paie les photos, l'emballage et le fonctionnement "
                "du site. La règle est la même pour tous, et elle est écrite noir sur blanc dans "
                "la convention signée avec chacun.</p>"
                "<p>À midi, on range. Le repas est pris en commun, puis la salle se vide pendant "
                "la pause. À quinze heures, l'atelier reprend pour deux heures encore : ponçage, "
                "vernis, et ce moment que tout le monde attend, celui où l'on photographie les "
                "pièces terminées sur un drap blanc tendu contre le mur.</p>"
                "<p>À dix-sept heures, les outils sont recomptés, l'armoire refermée, le sol "
                "balayé. Sur l'établi, il reste un tabouret à trois pieds, huilé de frais, qui "
                "partira la semaine suivante chez un client du Plateau. Sous l'assise, une date "
                "au crayon.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Fabriqué à l'atelier du Baobab",
                    "products": [
                        "tabouret-trois-pieds-vene",
                        "etagere-murale-sans-vis",
                        "toile-lutteurs-au-crepuscule",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "a-thies-apprendre-la-coupe",
        "title": "À Thiès, apprendre la coupe d'un vêtement",
        "standfirst": (
            "Awa Ndiaye savait coudre depuis l'adolescence. Au centre de formation Jàng ak "
            "Liggéey, elle apprend désormais à concevoir un vêtement de bout en bout : prendre des "
            "mesures, tracer un patron, choisir un tissu, calculer un prix."
        ),
        "date": "2025-10-22",
        "artisans": ["awa-ndiaye"],
        "tags": ["formation", "savoir-faire"],
        "hero_scene": "classroom",
        "hero_caption": "La salle de coupe du centre Jàng ak Liggéey, à Thiès.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Dans la salle de coupe du centre Jàng ak Liggéey, les tables sont recouvertes "
                "de papier kraft. Huit femmes et deux hommes y travaillent, chacun penché sur un "
                "patron. Au tableau, la formatrice a dessiné le dos d'une robe, avec ses pinces "
                "et ses marges de couture. Awa Ndiaye reproduit le tracé au crayon, gomme, "
                "recommence. « Avant, je copiais des modèles à l'œil. Maintenant, je comprends "
                "pourquoi un vêtement tombe bien ou mal. »</p>"
                "<p>Originaire de Kaolack, Awa a appris à coudre à quatorze ans sur la machine à "
                "pédale de sa tante. Elle faisait des ourlets, des retouches, quelques boubous "
                "pour les voisines. Au centre, où elle suit une formation de neuf mois, elle "
                "découvre la coupe à plat, le moulage sur mannequin, la lecture d'une fiche "
                "technique.</p>"
                "<h2>Un programme en trois temps</h2>"
                "<p>La formation en couture s'organise en trois blocs. Les trois premiers mois "
                "sont consacrés aux bases : mesures, patronage, montage des pièces simples. "
                "Viennent ensuite les vêtements plus exigeants : robes de cérémonie, chemises à "
                "col, vestes doublées. Le dernier trimestre est tourné vers l'activité : calculer "
                "un prix de revient, tenir un cahier de commandes, conseiller une cliente.</p>"
                "<p>C'est là que Mains Libres intervient. Les pièces des stagiaires qui le "
                "souhaitent sont photographiées, décrites et mises en vente sur la boutique. Le "
                "prix est fixé avec chacune, en comptant le tissu, le fil, les boutons et les "
                "heures passées. Lorsqu'une pièce se vend, la stagiaire reçoit ce prix en "
                "entier.</p>"
                "<p>Les journées sont longues. Les cours commencent à huit heures, s'interrompent "
                "pour le déjeuner pris en commun dans la cour, et reprennent jusqu'à seize "
                "heures. Le vendredi après-midi est réservé aux projets personnels : chacun "
                "avance sur une pièce de son choix, avec les conseils de la formatrice. C'est "
                "souvent ce jour-là que naissent les modèles qui finiront sur la boutique.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "La première fois qu'une de mes robes s'est vendue, j'ai appelé ma mère. "
                        "Elle ne m'a pas crue. Je lui ai envoyé la photo de la page."
                    ),
                    "attribution": "Awa Ndiaye, couturière",
                },
            ),
            (
                "gallery",
                {
                    "images": [
                        {
                            "scene": "classroom",
                            "alt_text": (
                                "Des patrons en papier kraft étalés sur une grande table de coupe, "
                                "avec des règles et des craies de tailleur."
                            ),
                            "caption": (
                                "Les patrons sont tracés sur du papier kraft avant toute coupe."
                            ),
                        },
                        {
                            "scene": "hands",
                            "alt_text": (
                                "Des mains qui épinglent un tissu wax sur un patron en papier."
                            ),
                            "caption": (
                                "Épingler, vérifier, puis couper : jamais dans l'autre sens."
                            ),
                        },
                        {
                            "scene": "workshop",
                            "alt_text": "Une rangée de machines à coudre dans une salle claire.",
                            "caption": (
                                "L'atelier de montage compte douze machines, dont deux surjeteuses."
                            ),
                        },
                    ],
                },
            ),
            (
                "text",
                "<h2>Le bazin, une école de patience</h2>"
                "<p>Le projet dont Awa est la plus fière est une robe de cérémonie en bazin, "
                "teinte en bleu nuit par un atelier de teinture de Thiès puis brodée à la main au "
                "fil doré. Il lui a fallu trois semaines. « Le bazin ne pardonne rien. Si la "
                "couture dévie d'un millimètre, on le voit au soleil. » La robe a trouvé preneuse "
                "en quelques jours.</p>"
                "<p>Entre deux cours, Awa prépare déjà la suite. Elle a noté dans un cahier les "
                "prix du tissu au marché central de Kaolack, le coût d'une machine d'occasion, le "
                "loyer d'une petite cabine près de la gare routière. Elle sait qu'il faudra du "
                "temps. Mais elle aura bientôt un savoir-faire reconnu par une attestation, et "
                "déjà quelques clientes fidèles qui suivent ses créations sur la boutique.</p>"
                "<p>Elle pense aussi à celles qui viendront après elle. Quand une nouvelle "
                "stagiaire arrive, c'est souvent Awa qui lui montre où sont rangés les ciseaux, "
                "comment régler la tension du fil, comment ne pas se décourager devant un premier "
                "patron raté. « On m'a aidée. C'est normal de rendre. »</p>"
                "<p>À la fin de la journée, elle range ses patrons dans une chemise cartonnée sur "
                "laquelle elle a écrit son nom en majuscules. Demain, on attaque les cols.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les créations d'Awa",
                    "products": [
                        "robe-bazin-ceremonie",
                        "robe-wax-portefeuille",
                        "chemise-col-mao-lin-wax",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "le-sous-verre-un-art-de-patience",
        "title": "Le sous-verre, un art de patience",
        "standfirst": (
            "À l'atelier du Fleuve, Ousmane fait vivre le souwère, la peinture sous verre qui orne "
            "depuis plus d'un siècle les maisons de Saint-Louis et de Dakar. Un art où tout se "
            "peint à l'envers, et où l'on ne peut rien effacer."
        ),
        "date": "2025-11-27",
        "artisans": ["ousmane"],
        "tags": ["savoir-faire", "atelier"],
        "hero_scene": "hands",
        "hero_caption": (
            "Un sous-verre en cours : le dessin est tracé à l'envers, au dos de la plaque."
        ),
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Ousmane pose la plaque de verre sur un chiffon plié en quatre, la nettoie "
                "deux fois au vinaigre blanc, puis la place au-dessus de son dessin préparatoire. "
                "Avec un pinceau très fin et de l'encre noire, il commence par les contours : une "
                "pirogue, un pêcheur debout, la ligne de l'horizon. Tout sera vu de l'autre côté "
                "de la vitre, inversé.</p>"
                "<p>« Dans le sous-verre, on peint d'abord ce qu'on voit en dernier », "
                "explique-t-il. Les reflets, les yeux, les motifs d'un pagne viennent en premier "
                "; les grands aplats de couleur ensuite ; le fond à la toute fin. Impossible de "
                "corriger une erreur : la première couche est celle que l'on regardera pour "
                "toujours.</p>"
                "<h2>Une tradition sénégalaise</h2>"
                "<p>Le souwère, de l'expression française « sous-verre », s'est répandu au "
                "Sénégal au début du XXe siècle. On y représentait des scènes religieuses, des "
                "portraits, des épisodes de la vie quotidienne, les signares de Saint-Louis dans "
                "leurs hautes coiffes. Longtemps vendu sur les marchés pour décorer les maisons, "
                "il a ensuite été repris par des artistes contemporains reconnus bien au-delà du "
                "pays.</p>"
                "<p>Ousmane l'a découvert enfant, chez un voisin qui peignait des sous-verres "
                "pour les mariages. Il n'y avait plus touché pendant des années. C'est à "
                "l'atelier du Fleuve, en voyant un formateur installer ses plaques, qu'il a "
                "repris le pinceau. Il préfère qu'on l'appelle simplement par son prénom.</p>"
                "<p>Le matériel est simple : des plaques de verre découpées par un vitrier, des "
                "encres, de la gouache, quelques pinceaux très fins dont il prend un soin jaloux. "
                "Le plus difficile, dit-il, est de trouver un verre sans défaut : la moindre "
                "bulle, la moindre rayure se verrait dans le tableau fini. Il examine chaque "
                "plaque à contre-jour avant de la choisir.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Le verre, c'est comme la vie : on ne peut pas revenir sur ce qu'on a "
                        "posé. Alors on apprend à bien réfléchir avant."
                    ),
                    "attribution": "Ousmane, peintre sous verre",
                },
            ),
            (
                "text",
                "<h2>Saint-Louis, son motif préféré</h2>"
                "<p>Ses sujets, il les trouve dans la ville où se trouve l'atelier : le pont "
                "Faidherbe et ses arches métalliques, les pirogues peintes de Guet Ndar, les "
                "maisons à balcon de l'île. Il travaille d'après des cartes postales et des "
                "photos que lui apportent les formateurs, et d'après ses souvenirs.</p>"
                "<p>Chaque plaque lui demande entre quatre et huit séances de travail. Une fois "
                "la peinture sèche, il protège le dos avec un carton rigide, puis la pièce est "
                "encadrée d'une baguette de bois peinte. Les cadres sont fabriqués par un autre "
                "artisan de l'atelier : chaque sous-verre est ainsi une petite œuvre à quatre "
                "mains.</p>"
                "<p>Les sous-verres d'Ousmane sont tous des pièces uniques : il ne reproduit "
                "jamais deux fois le même dessin. Le premier qu'il a proposé à la boutique, des "
                "pirogues au petit matin, est parti en une semaine. Il en a gardé une photo, "
                "collée au-dessus de son poste de travail.</p>"
                "<p>Depuis qu'il vend ses sous-verres, Ousmane note dans un carnet le titre de "
                "chaque pièce et la date où elle est partie. L'atelier lui transmet aussi les "
                "mots que certains clients laissent avec leur commande. Il les recopie à la "
                "suite, soigneusement. « Mes tableaux voyagent plus que moi en ce moment », "
                "sourit-il.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les sous-verres d'Ousmane",
                    "products": [
                        "souwere-pont-faidherbe",
                        "souwere-signare-a-l-eventail",
                        "souwere-pirogues-au-petit-matin",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "a-saint-louis-le-bois-et-le-fleuve",
        "title": "À Saint-Louis, le bois et le fleuve",
        "standfirst": (
            "À l'atelier du Fleuve, à Saint-Louis, la sculpture sur bois occupe une salle entière. "
            "On y taille le dimb et le vène en masques, en personnages et en oiseaux, au rythme "
            "des gouges et des maillets."
        ),
        "date": "2025-12-16",
        "artisans": ["aliou-seck"],
        "tags": ["atelier", "savoir-faire"],
        "hero_scene": "workshop",
        "hero_caption": "Les gouges alignées sur l'établi des sculpteurs de l'atelier du Fleuve.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>La salle des sculpteurs est la plus bruyante de l'atelier du Fleuve. Les "
                "maillets frappent les gouges, les râpes grincent, et une poussière blonde flotte "
                "dans la lumière de l'après-midi. Quatre personnes y travaillent, chacune devant "
                "un billot maintenu par une presse. Au mur, des dessins punaisés : des visages, "
                "des oiseaux, une pirogue vue de profil.</p>"
                "<p>Le bois vient de la région : du dimb, dur et brun, apprécié pour les masques "
                "; du vène, plus rouge, pour les petites pièces ; parfois un morceau de "
                "caïlcédrat récupéré sur un chantier. Chaque billot est marqué à la craie du nom "
                "de celui qui va le tailler. Il n'en changera plus.</p>"
                "<h2>Du bloc au visage</h2>"
                "<p>Un masque commence par un trait. Le sculpteur dessine l'axe du visage sur le "
                "bloc, puis dégrossit à la hachette, par gestes courts et sûrs. Viennent ensuite "
                "les gouges, de la plus large à la plus fine, pour creuser les orbites, dégager "
                "le nez, tendre la bouche. Le ponçage se fait à la main, au papier de verre de "
                "plus en plus fin, puis la pièce est patinée à la cire d'abeille teintée.</p>"
                "<p>« Le bois te dit où il veut aller », répète le formateur, un sculpteur de la "
                "ville qui vient deux après-midi par semaine. Un nœud mal placé, une fente "
                "cachée, et le masque prévu devient autre chose : un oiseau, un personnage assis. "
                "Rien ne se jette. Les chutes servent à fabriquer des manches d'outils et des "
                "cales.</p>"
                "<p>Les débutants commencent par des cuillères et des petits animaux, pour "
                "apprendre à tenir la gouge et à lire le fil du bois. Il faut plusieurs mois "
                "avant de s'attaquer à un visage. Les erreurs sont corrigées sans un mot : le "
                "formateur pose sa main sur l'outil, change l'angle de quelques degrés, puis "
                "s'éloigne. Dans cette salle, on apprend beaucoup en regardant travailler les "
                "autres.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "On ne sculpte pas contre le bois. On le suit, on l'écoute, et au bout de "
                        "quelques semaines on finit par se comprendre."
                    ),
                    "attribution": "Le formateur de la salle de sculpture",
                },
            ),
            (
                "text",
                "<h2>Ce que la ville inspire</h2>"
                "<p>Saint-Louis est partout dans les pièces de l'atelier. Les pêcheurs de Guet "
                "Ndar, debout dans leurs pirogues, reviennent souvent, tout comme les oiseaux du "
                "parc du Djoudj, à quelques dizaines de kilomètres au nord. Les masques, eux, "
                "s'inspirent librement des traditions de toute l'Afrique de l'Ouest, sans "
                "prétendre reproduire un objet rituel.</p>"
                "<p>Les sculpteurs travaillent en petites séries ou en pièces uniques. Une "
                "statuette de soixante centimètres peut demander deux mois de travail, un petit "
                "masque une dizaine de jours. Les prix sont fixés avec chacun, selon le temps "
                "passé et le bois utilisé, et chacun reçoit le prix convenu pour chaque pièce "
                "vendue.</p>"
                "<p>Chaque pièce terminée passe entre les mains du formateur, qui vérifie les "
                "fentes, les finitions et l'aplomb sur le socle. Elle est ensuite photographiée "
                "dans la cour, à la lumière du matin, avant de partir pour Dakar dans une caisse "
                "garnie de copeaux.</p>"
                "<p>À la fin de la séance, les outils sont essuyés, huilés et rangés dans leurs "
                "fourreaux de toile. Les pièces en cours sont enveloppées dans un linge humide "
                "pour qu'elles ne se fendent pas quand souffle l'harmattan. Le lendemain, le "
                "bruit des maillets recommencera.</p>",
            ),
            (
                "product_card",
                {
                    "product": "sculpture-pecheur-guet-ndar",
                    "text": (
                        "Un pêcheur de Guet Ndar taillé dans un seul bloc de dimb : une pièce "
                        "unique de l'atelier du Fleuve."
                    ),
                },
            ),
            (
                "product_card",
                {
                    "product": "masque-rieur-serie",
                    "text": (
                        "Un petit masque au large sourire, sculpté en petite série et patiné à la "
                        "cire d'abeille."
                    ),
                },
            ),
        ],
    },
    {
        "slug": "premier-marche-apres-la-sortie",
        "title": "Premier marché après la sortie",
        "standfirst": (
            "Deux mois après sa sortie, Fatou Diatta a tenu pour la première fois un stand au "
            "marché de son quartier, à Ziguinchor, avec ses paniers en raphia. Récit d'une matinée "
            "où il a fallu apprendre à vendre, à négocier et à rendre la monnaie."
        ),
        "date": "2026-01-20",
        "artisans": ["fatou-diatta"],
        "tags": ["retour", "savoir-faire"],
        "hero_scene": "market",
        "hero_caption": "Le stand de l'atelier Kassoumay, un samedi matin à Ziguinchor.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Il est six heures quand Fatou Diatta charge ses paniers dans la charrette de "
                "l'atelier Kassoumay. Dix-huit paniers de marché, une douzaine de corbeilles, "
                "quatre sacs cabas, et une bâche bleue pour la pluie qui ne viendra pas. Le "
                "marché du quartier s'anime dès sept heures ; il faut être installée avant les "
                "premières clientes.</p>"
                "<p>Pendant les mois qui ont précédé sa sortie, Fatou tressait déjà : le raphia, "
                "la feuille de palmier, parfois une lanière de cuir pour les anses. Mais vendre "
                "elle-même, face à des inconnues, c'est une première. « Tresser, je sais. Parler "
                "aux gens, je réapprends », dit-elle en dépliant la table.</p>"
                "<h2>Sept heures, les premières clientes</h2>"
                "<p>Les premières passantes regardent sans s'arrêter. Une femme revient, soupèse "
                "un panier, demande s'il tiendra la charge d'un sac de riz de cinq kilos. Fatou "
                "le retourne, montre le fond tressé serré, les anses cousues à double tour. La "
                "cliente négocie, Fatou tient son prix, la cliente paie. Premier panier vendu à "
                "sept heures vingt.</p>"
                "<p>À côté d'elle, l'animatrice de l'atelier Kassoumay ne dit presque rien. Elle "
                "aide à rendre la monnaie, note chaque vente dans un cahier à spirale et laisse "
                "Fatou mener la discussion. C'est le principe de l'atelier : accompagner, sans "
                "faire à la place.</p>"
                "<p>Vers neuf heures, le marché est plein. Les voisines de stand, une vendeuse de "
                "légumes et une marchande de tissus, commencent à lui envoyer des clientes. L'une "
                "d'elles reconnaît Fatou, lui demande des nouvelles de sa famille et achète une "
                "corbeille « pour commencer ». Fatou dira plus tard que ce moment-là a compté "
                "plus que toutes les ventes de la journée.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Le soir, j'ai compté les billets trois fois. Ce n'était pas beaucoup, "
                        "mais c'était à moi, gagné avec mes mains."
                    ),
                    "attribution": "Fatou Diatta, vannière",
                },
            ),
            (
                "text",
                "<h2>Ce que le marché apprend</h2>"
                "<p>À midi, le bilan tient sur une page : onze paniers, trois corbeilles, un sac "
                "cabas. Et une liste de remarques notées au fil de la matinée. Les clientes "
                "demandent des paniers plus petits pour les enfants, des anses plus longues pour "
                "porter à l'épaule, de la couleur. Fatou souligne « couleur » deux fois.</p>"
                "<p>Au marché, la question du prix revient sans cesse. Sur la boutique en ligne, "
                "le prix affiché comprend la marge de 10 % de Mains Libres ; au marché, Fatou "
                "vend directement, à son propre prix. Les deux se complètent : le marché fait "
                "connaître son travail dans le quartier, la boutique l'ouvre aux clients de Dakar "
                "et d'ailleurs.</p>"
                "<p>L'après-midi, de retour à l'atelier, elle range les invendus, compte la "
                "recette avec l'animatrice et met de côté l'argent du raphia de la semaine "
                "suivante. Le reste part sur son compte d'épargne. Une petite somme, mais la "
                "première depuis longtemps qu'elle dépose elle-même au guichet.</p>"
                "<p>Le soir, elle a appelé sa grand-mère, celle qui lui a appris à tresser. Elle "
                "lui a raconté le panier vendu à sept heures vingt, la cliente qui a négocié, la "
                "voisine qui l'a reconnue. Sa grand-mère a surtout voulu savoir si le fond était "
                "bien serré.</p>"
                "<p>Samedi prochain, elle y retournera. Avec des paniers plus petits, et un peu "
                "de couleur.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les paniers de Fatou",
                    "products": [
                        "panier-raphia-anses",
                        "corbeille-feuille-palmier",
                        "sac-cabas-raphia-cuir",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "jang-ak-liggeey-apprendre-puis-travailler",
        "title": "Jàng ak Liggéey : apprendre, puis travailler",
        "standfirst": (
            "Depuis 2024, Mains Libres travaille avec le centre de formation Jàng ak Liggéey, à "
            "Thiès. Ensemble, nous avons construit un parcours qui mène de l'apprentissage d'un "
            "métier à la vente des premières pièces. Retour sur un partenariat qui a trouvé son "
            "rythme."
        ),
        "date": "2026-02-24",
        "artisans": [],
        "tags": ["partenaires", "formation"],
        "hero_scene": "classroom",
        "hero_caption": "Une séance du module de gestion au centre Jàng ak Liggéey, à Thiès.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Le nom du centre résume son programme : « jàng ak liggéey », en wolof, "
                "signifie apprendre et travailler. Installé dans un ancien entrepôt réaménagé de "
                "Thiès, il accueille chaque année une quarantaine de stagiaires : des personnes "
                "en fin de détention autorisées à suivre une formation à l'extérieur, et des "
                "personnes récemment libérées, orientées par les services sociaux ou par des "
                "associations.</p>"
                "<p>Trois filières y sont proposées : la couture, la céramique et, depuis l'an "
                "dernier, la menuiserie légère. Toutes partagent un tronc commun de gestion : "
                "calculer un prix de revient, tenir une comptabilité simple, ouvrir un compte, "
                "comprendre un contrat. Les formations durent de six à neuf mois et se terminent "
                "par une attestation reconnue par les employeurs de la région.</p>"
                "<h2>Ce que chacun apporte</h2>"
                "<p>Le partenariat repose sur une convention simple, renouvelée chaque année. Le "
                "centre forme, encadre et fournit les ateliers. Mains Libres photographie les "
                "pièces, les met en vente, encaisse les paiements et organise la livraison. Les "
                "stagiaires décident eux-mêmes des pièces qu'ils veulent vendre et fixent leur "
                "prix avec nous.</p>"
                "<p>L'argent des ventes suit un chemin écrit à l'avance. Le prix fixé par "
                "l'artisan lui revient en entier, versé chaque mois sur son compte ou sur un "
                "carnet d'épargne tenu par le centre, selon ce qu'il a choisi. La marge de 10 % "
                "ajoutée par la boutique couvre nos frais : photos, emballage, frais de paiement, "
                "hébergement du site. Le centre, lui, ne prélève rien sur les ventes ; il est "
                "financé par ses propres partenaires.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Une attestation, c'est bien. Une attestation et un premier client, c'est "
                        "beaucoup mieux. C'est ce que ce partenariat nous a apporté."
                    ),
                    "attribution": "La directrice du centre Jàng ak Liggéey",
                },
            ),
            (
                "text",
                "<h2>Des pièces qui deviennent des références</h2>"
                "<p>Pour les stagiaires, vendre pendant la formation change le rapport au "
                "travail. Une robe n'est plus un exercice noté : c'est un vêtement que quelqu'un "
                "va porter. Les retours des clients, transmis chaque mois, sont lus à voix haute "
                "en atelier : un compliment sur une finition, une remarque sur une taille un peu "
                "juste, une question sur l'entretien d'un vase.</p>"
                "<p>Les pièces vendues deviennent aussi des références. À la fin de leur "
                "parcours, les stagiaires repartent avec un petit livret imprimé : les photos de "
                "leurs meilleures pièces, le nombre de ventes, les mots des clients. Plusieurs "
                "l'ont déjà présenté à un patron d'atelier ou à une caisse de microcrédit.</p>"
                "<p>Le partenariat a aussi ses difficultés. Les délais de fabrication sont longs, "
                "une cuisson peut échouer, et certaines pièces ne trouvent pas preneur. Chaque "
                "trimestre, les équipes du centre et de Mains Libres font le point : ce qui s'est "
                "vendu, ce qui reste, ce qu'il faudrait changer dans les photos, les prix ou les "
                "modèles. Les stagiaires qui le souhaitent participent à ces réunions.</p>"
                "<h2>Et maintenant</h2>"
                "<p>En 2026, le centre et Mains Libres veulent aller plus loin : organiser deux "
                "ventes éphémères par an, à Thiès et à Dakar, où les stagiaires tiendront "
                "eux-mêmes leur stand, et accompagner pendant un an celles et ceux qui "
                "s'installent à leur compte après la formation. Les ventes réalisées dans ce "
                "cadre apparaîtront, comme toutes les autres, sur notre page d'impact.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Voir ce que vos achats changent",
                    "text": (
                        "Les chiffres de notre page d'impact sont calculés à partir des commandes "
                        "payées : ce que les artisans ont reçu, mois par mois et atelier par "
                        "atelier."
                    ),
                    "button_label": "Notre impact",
                    "page": "impact",
                },
            ),
        ],
    },
    {
        "slug": "la-visite-du-dimanche",
        "title": "La visite du dimanche",
        "standfirst": (
            "Chaque dimanche, des familles patientent pour une courte visite. Pour le peintre "
            "Diamono, la venue de sa mère et de sa fille est devenue l'occasion de montrer ses "
            "toiles, et de parler d'avenir."
        ),
        "date": "2026-03-19",
        "artisans": ["diamono"],
        "tags": ["famille"],
        "hero_scene": "street",
        "hero_caption": "Une rue de Dakar un dimanche matin, sur le chemin des visites.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Le dimanche, à Dakar, les visites commencent tôt. Dès sept heures, des "
                "familles attendent devant l'entrée, un sac de provisions à la main, parfois un "
                "enfant endormi sur l'épaule. La visite dure une trentaine de minutes. On y parle "
                "vite, on y dit l'essentiel, on se promet de revenir.</p>"
                "<p>Diamono, le peintre de l'atelier du Baobab, reçoit la visite de sa mère et de "
                "sa fille un dimanche sur deux. Pendant longtemps, dit-il, il ne savait pas quoi "
                "raconter. « On parlait de la santé, de la maison, des voisins. De moi, il n'y "
                "avait pas grand-chose à dire. »</p>"
                "<h2>Une photo dans le sac</h2>"
                "<p>Tout a changé avec la première toile vendue. Sa mère avait appris la nouvelle "
                "par un message de l'atelier, envoyé avec l'accord de Diamono. Le dimanche "
                "suivant, elle est arrivée avec la page de la boutique imprimée sur une feuille "
                "pliée en quatre : la photo de la toile au milieu, le mot « vendu » en dessous. "
                "Elle l'avait montrée à toute la famille.</p>"
                "<p>Depuis, chaque visite commence par les toiles. Diamono raconte celle qu'il "
                "est en train de peindre, les couleurs qu'il cherche, les scènes qu'il garde en "
                "mémoire : un car rapide bondé à Colobane, un combat à l'arène, les étals du "
                "marché Tilène. Sa fille lui fait des suggestions. Elle voudrait qu'il peigne la "
                "mer.</p>"
                "<p>Les visites restent courtes, et tout ne se dit pas en trente minutes. Alors "
                "Diamono écrit. Au dos de petites esquisses au crayon, il note pour sa fille le "
                "nom des couleurs qu'il emploie, ocre, outremer, terre de Sienne, et ce qu'elles "
                "évoquent pour lui. Elle les range dans une boîte à chaussures, qu'elle apporte "
                "parfois pour lui montrer qu'elle les garde toutes.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Maintenant, quand ma fille vient, elle ne me demande plus seulement quand "
                        "je rentre. Elle me demande ce que je suis en train de peindre."
                    ),
                    "attribution": "Diamono, peintre",
                },
            ),
            (
                "text",
                "<h2>Ce que les ventes rendent possible</h2>"
                "<p>À sa demande, une partie de l'argent de ses ventes est versée à sa mère, pour "
                "les frais de scolarité de sa fille. Le reste est mis de côté pour plus tard. Ce "
                "n'est pas une fortune, mais c'est régulier, et c'est lui qui l'a gagné. « Avant, "
                "c'est ma famille qui m'aidait. Maintenant, c'est un peu l'inverse », dit-il "
                "simplement.</p>"
                "<p>À l'atelier, les responsables le constatent : les liens avec les proches se "
                "préparent, comme tout le reste du retour. Mains Libres propose désormais aux "
                "artisans qui le souhaitent d'envoyer une photo de chaque pièce terminée à un "
                "proche de leur choix, pour que la famille suive le travail au fil des semaines. "
                "Rien n'est envoyé sans leur accord.</p>"
                "<p>Pour sa mère aussi, les visites ont changé de ton. Elle ne vient plus "
                "seulement prendre des nouvelles : elle vient voir où en est le travail. Elle "
                "demande les prix, commente les couleurs et donne son avis, sans détour, sur les "
                "toiles qu'elle aime moins.</p>"
                "<p>Le dimanche qui a suivi notre rencontre, la fille de Diamono est revenue avec "
                "un dessin : une plage, deux pirogues, un soleil très jaune. Il l'a punaisé "
                "au-dessus de son chevalet. La prochaine toile, promet-il, sera bleue.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les toiles de Diamono",
                    "products": [
                        "toile-lutteurs-au-crepuscule",
                        "toile-car-rapide-colobane",
                        "panneau-marche-tilene",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "ronier-un-etabli-a-soi",
        "title": "Rônier, un établi à soi",
        "standfirst": (
            "Sorti de prison il y a un peu moins d'un an, le menuisier qui signe Rônier loue un "
            "poste de travail à l'atelier Kassoumay de Ziguinchor. Tabourets, étagères, tables : "
            "il construit pièce après pièce une clientèle, et le projet d'un atelier bien à lui."
        ),
        "date": "2026-04-28",
        "artisans": ["ronier"],
        "tags": ["retour", "atelier"],
        "hero_scene": "street",
        "hero_caption": "Une rue commerçante de Ziguinchor, en fin d'après-midi.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Rônier est le nom qu'il a choisi pour signer ses meubles. C'est aussi celui "
                "d'un palmier qui pousse partout en Casamance, dont le bois fibreux et résistant "
                "sert depuis toujours à faire des charpentes, des clôtures et des tabourets de "
                "cuisine. « Un arbre qui tient debout dans le vent », résume-t-il. Il a accepté "
                "d'être photographié, mais préfère garder son nom pour ses proches.</p>"
                "<p>Il a appris la menuiserie dans l'atelier d'un établissement où il a passé "
                "plusieurs années. À sa sortie, il est rentré à Ziguinchor avec une attestation "
                "de formation, un carnet de croquis et presque rien d'autre. L'atelier Kassoumay "
                "lui a proposé un poste de travail pour une somme symbolique : un établi, l'accès "
                "aux machines communes, un casier fermé à clé.</p>"
                "<p>Les premiers mois ont été les plus durs. Il fallait renouer avec des proches "
                "qui avaient appris à vivre sans lui, et supporter certains regards dans le "
                "quartier. L'établi, dit-il, l'a aidé à tenir : chaque matin, il y avait une "
                "raison de se lever et un travail qui l'attendait.</p>"
                "<h2>Louer un établi, apprendre un métier de patron</h2>"
                "<p>L'atelier Kassoumay fonctionne comme une pépinière. Chacun y travaille pour "
                "son propre compte, mais on y partage les outils, les commandes trop grosses pour "
                "une seule personne, et les conseils. Une fois par semaine, une animatrice réunit "
                "les artisans pour parler de tout ce qu'on n'apprend pas à l'établi : établir un "
                "devis, relancer un client, déclarer son activité.</p>"
                "<p>Rônier y a découvert la partie du métier qu'il redoutait le plus. « Faire une "
                "chaise, je savais. Dire combien elle coûte, et l'assumer devant le client, "
                "c'était une autre histoire. » Il tient maintenant un cahier où chaque meuble a "
                "sa ligne : bois, quincaillerie, heures de travail, prix de vente.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Le jour où quelqu'un m'a commandé une deuxième table parce que la "
                        "première lui plaisait, j'ai su que j'allais y arriver."
                    ),
                    "attribution": "Rônier, menuisier",
                },
            ),
            (
                "text",
                "<h2>Des meubles pour tous les jours</h2>"
                "<p>Ses meubles sont simples et solides, pensés pour les cours et les cuisines de "
                "Casamance : tabourets bas pour s'asseoir près du feu, étagères en échelle pour "
                "ranger les bassines et les calebasses, petites tables d'appoint. Il travaille le "
                "rônier, le teck des plantations de la région et parfois du bois de récupération, "
                "qu'il rabote jusqu'à retrouver une surface saine.</p>"
                "<p>Les autres artisans de Kassoumay sont devenus ses premiers conseillers. La "
                "vannière de l'atelier lui a suggéré des assises tressées, la couturière des "
                "coussins pour ses tabourets. Les pièces nées de ces échanges sont souvent celles "
                "qui se vendent le mieux.</p>"
                "<p>La moitié de ses ventes se fait désormais sur la boutique Mains Libres, qui "
                "l'a fait connaître à des clients de Dakar. Le transport reste le principal défi "
                ": un meuble met trois à cinq jours pour rejoindre Dakar, par la route ou par le "
                "bateau. Rônier a appris à concevoir des étagères démontables et à emballer ses "
                "tables dans des couvertures pour qu'elles arrivent intactes.</p>"
                "<p>Son prochain objectif tient en une phrase, écrite en haut de la première page "
                "de son cahier : un local avec une porte qui donne sur la rue. Il a commencé à "
                "épargner. Il espère signer un bail avant la fin de l'année.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les meubles de Rônier",
                    "products": [
                        "tabouret-bas-ronier",
                        "table-appoint-teck",
                        "etagere-echelle-ronier",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "yeesal-de-la-ferraille-a-la-lumiere",
        "title": "Yeesal, de la ferraille à la lumière",
        "standfirst": (
            "Bidons d'huile, jantes de vélo, ressorts de sommier : à l'atelier du Baobab, le "
            "soudeur qui signe Yeesal transforme la ferraille en lampes ajourées et en sculptures. "
            "Visite d'un coin d'atelier où rien ne se perd."
        ),
        "date": "2026-05-26",
        "artisans": ["yeesal"],
        "tags": ["savoir-faire", "atelier"],
        "hero_scene": "workshop",
        "hero_caption": "Des lampes en tôle recyclée en cours de finition à l'atelier du Baobab.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Dans l'atelier du Baobab, le coin de Yeesal se repère à l'oreille : le "
                "crissement d'une scie à métaux, le claquement d'une cisaille et, de temps en "
                "temps, le grésillement du poste à souder derrière un rideau ignifugé tendu pour "
                "protéger les autres. Yeesal, « renouveler » en wolof, est le nom qu'il a choisi. "
                "Il ne montre pas son visage, mais il aime montrer ce que font ses mains.</p>"
                "<p>Soudeur de formation, il a longtemps travaillé sur des chantiers à Dakar. À "
                "l'atelier, il a d'abord réparé les outils des autres. Puis un jour, il a découpé "
                "un vieux bidon d'huile pour en faire un abat-jour. La lampe a plu. Depuis, il en "
                "a fabriqué plusieurs dizaines.</p>"
                "<p>Son coin est le plus encombré de la salle. Sur des étagères de fortune "
                "s'alignent des caisses de boulons triés par taille, des bidons aplatis, des "
                "gabarits en carton pour les motifs et une rangée de lampes qui attendent leur "
                "câble. Tout y est rangé selon un ordre que lui seul comprend parfaitement, mais "
                "qu'il explique volontiers.</p>"
                "<h2>Une matière première venue de Colobane</h2>"
                "<p>La ferraille arrive une fois par mois, achetée au poids chez un ferrailleur "
                "de Colobane : bidons de vingt litres, jantes de vélo, ressorts, tôles, boulons. "
                "Yeesal trie tout à la main, sur une grande bâche. Ce qui est rouillé en "
                "profondeur part au rebut ; le reste est nettoyé à la brosse métallique, "
                "dégraissé, puis rangé par taille dans des caisses.</p>"
                "<p>Pour ses lampes à poser, il trace au feutre un motif géométrique sur le bidon "
                "aplati, puis le perce au burin, trou après trou. Un abat-jour représente deux "
                "jours de travail. La tôle est ensuite roulée, soudée, poncée et peinte à "
                "l'époxy. L'installation électrique est faite avec le formateur électricien de "
                "l'atelier, qui vérifie chaque lampe avant son départ.</p>",
            ),
            (
                "gallery",
                {
                    "images": [
                        {
                            "scene": "workshop",
                            "alt_text": (
                                "Des bidons métalliques aplatis, empilés par taille sur une "
                                "étagère d'atelier."
                            ),
                            "caption": (
                                "La ferraille est triée et rangée par taille avant d'être "
                                "travaillée."
                            ),
                        },
                        {
                            "scene": "hands",
                            "alt_text": (
                                "Des mains gantées qui percent une tôle au burin en suivant un "
                                "motif tracé au feutre."
                            ),
                            "caption": "Chaque trou de l'abat-jour est percé à la main.",
                        },
                        {
                            "scene": "workshop",
                            "alt_text": (
                                "Une lampe ajourée allumée qui projette des motifs de lumière sur "
                                "un mur."
                            ),
                            "caption": "Allumée, la lampe dessine son motif sur les murs.",
                        },
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Les gens jettent ce qui ne sert plus. Moi, je cherche ce que ça pourrait "
                        "devenir. C'est un peu ce que j'essaie de faire avec moi-même aussi."
                    ),
                    "attribution": "Yeesal, ferronnier",
                },
            ),
            (
                "text",
                "<h2>Des oiseaux en boulons</h2>"
                "<p>Quand il lui reste des chutes, Yeesal fait des oiseaux. Un ressort pour le "
                "cou, des écrous pour les yeux, une cuillère tordue pour le bec : chaque "
                "sculpture est unique, assemblée selon ce que contient la caisse ce jour-là. Ce "
                "sont ses pièces préférées, et celles qui lui prennent le plus de temps.</p>"
                "<p>La sécurité est une règle absolue dans son coin d'atelier. Lunettes, gants, "
                "tablier de cuir, extincteur à portée de main : rien ne commence avant que tout "
                "soit en place. Yeesal a appris ces gestes sur les chantiers et les transmet à un "
                "jeune de l'atelier qui l'aide à poncer et à peindre. « Un bon soudeur, c'est "
                "d'abord quelqu'un qui a encore ses dix doigts », dit-il en riant.</p>"
                "<p>Il prépare aussi la suite. Avec le service social de l'établissement, il "
                "monte un dossier pour faire reconnaître ses compétences en soudure. Il aimerait, "
                "après sa sortie, travailler le jour dans un atelier de serrurerie et continuer "
                "ses lampes le soir. Les ventes sur la boutique lui permettent déjà de mettre de "
                "l'argent de côté pour acheter son propre poste à souder.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les pièces de Yeesal",
                    "products": [
                        "lampe-a-poser-ajouree",
                        "suspension-jante-velo",
                        "oiseau-metal-recupere",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "preparer-la-sortie-pas-a-pas",
        "title": "Préparer la sortie, pas à pas",
        "standfirst": (
            "Une sortie de prison se prépare des mois à l'avance : papiers, logement, argent, "
            "travail. Ibrahima Sarr, ébéniste à l'atelier du Baobab, nous a ouvert son classeur de "
            "préparation, onglet par onglet."
        ),
        "date": "2026-07-14",
        "artisans": ["ibrahima-sarr"],
        "tags": ["retour", "formation"],
        "hero_scene": "landscape",
        "hero_caption": "Une route du Baol au petit matin.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Sur l'étagère de l'atelier, entre deux pots de colle, Ibrahima Sarr range un "
                "classeur bleu. Sur la tranche, il a écrit « Après ». À l'intérieur, six "
                "intercalaires : papiers, logement, argent, travail, famille, santé. C'est avec "
                "ce classeur qu'il prépare, depuis un an, une sortie qui approche.</p>"
                "<p>L'idée vient du service social de l'établissement, qui propose à chaque "
                "personne en fin de détention un accompagnement individuel. Une conseillère le "
                "reçoit une fois par mois. Ensemble, ils avancent sur une liste de démarches qui, "
                "vue de l'extérieur, paraît simple. Elle ne l'est pas.</p>"
                "<h2>Les papiers, d'abord</h2>"
                "<p>Premier onglet, premier obstacle : la carte d'identité. Sans elle, impossible "
                "d'ouvrir un compte, de signer un bail ou de s'inscrire à la chambre des métiers. "
                "Il a fallu obtenir un extrait d'acte de naissance auprès de la mairie de sa "
                "commune, le faire parvenir, puis attendre. Quatre mois en tout. La carte est "
                "maintenant rangée dans une pochette plastique, en première page du classeur.</p>"
                "<p>Avec elle, Ibrahima a pu ouvrir un compte de paiement mobile, sur lequel sont "
                "versées les ventes de ses meubles. À sa demande, une partie est mise de côté "
                "pour les premiers mois dehors. « Le premier mois, tout coûte. Je veux avoir de "
                "quoi tenir sans demander », explique-t-il.</p>"
                "<p>L'onglet « argent » contient aussi un budget, établi avec la conseillère : un "
                "loyer modeste, le transport, les repas, les premiers outils. Ibrahima a refait "
                "le calcul plusieurs fois. Il sait combien de tabourets et de chaises il lui "
                "faudra vendre chaque mois pour vivre de son métier, et il a noté ce chiffre au "
                "crayon, en première page.</p>"
                "<h2>Un métier, des outils, un lieu</h2>"
                "<p>L'onglet « travail » est le plus épais. Ibrahima y a rangé des photos de ses "
                "meubles, la liste de ses ventes depuis l'ouverture de la boutique et les "
                "coordonnées de trois menuisiers qui ont accepté de le recevoir. Il y a aussi une "
                "liste d'outils à acheter, avec les prix relevés dans une quincaillerie : un "
                "rabot, un jeu de ciseaux à bois, une scie à tenons. Chaque fois qu'un meuble se "
                "vend, il coche une ligne.</p>"
                "<p>Son projet est clair : travailler d'abord quelques mois chez un patron, le "
                "temps de se réinstaller, puis ouvrir un petit atelier dans le Baol, la région de "
                "son enfance. Il continuera à vendre sur la boutique, sous le même nom, sans rien "
                "changer pour les clients.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Dehors, personne ne me connaîtra comme ébéniste. Ce classeur, c'est ma "
                        "façon d'arriver avec quelque chose dans les mains."
                    ),
                    "attribution": "Ibrahima Sarr, ébéniste",
                },
            ),
            (
                "text",
                "<h2>Ce que les anciens transmettent</h2>"
                "<p>Ibrahima n'est pas le premier à remplir un tel classeur. D'anciens artisans "
                "de l'atelier, aujourd'hui installés, viennent de temps en temps raconter leurs "
                "premiers mois : la recherche d'un logement, le regard des voisins, la première "
                "commande. Ces rencontres, organisées avec le service social, comptent parfois "
                "plus que n'importe quelle formation.</p>"
                "<p>En attendant, il travaille comme avant et forme les deux apprentis qui "
                "reprendront son établi. Il leur a appris à choisir une planche, à tracer une "
                "mortaise, à huiler un plateau. Il leur apprend maintenant à commencer leur "
                "propre classeur.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les meubles d'Ibrahima Sarr",
                    "products": [
                        "chaise-cailcedrat-assise-tressee",
                        "tabouret-trois-pieds-vene",
                        "etagere-murale-sans-vis",
                        "table-basse-vene-plateau-rabote",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "khady-la-couture-et-les-devoirs-du-soir",
        "title": "Khady, la couture et les devoirs du soir",
        "standfirst": (
            "À Ziguinchor, Khady coud des chemises, des sacs et des housses de coussin à l'atelier "
            "Kassoumay, puis rentre à temps pour les devoirs de ses enfants. Un an après sa "
            "sortie, elle raconte comment elle a retrouvé sa place à la maison."
        ),
        "date": "2026-09-29",
        "artisans": ["khady"],
        "tags": ["famille", "retour"],
        "hero_scene": "street",
        "hero_caption": "Une rue de Ziguinchor à l'heure de la sortie des écoles.",
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>À seize heures trente, Khady range ses ciseaux. Elle plie la chemise qu'elle "
                "vient de terminer, la glisse dans un sachet avec son étiquette et salue les "
                "autres artisans de l'atelier Kassoumay. À dix-sept heures, ses enfants sortent "
                "de l'école. Elle tient à être là.</p>"
                "<p>Khady a accepté de raconter son histoire sous son prénom, sans photo de son "
                "visage. Elle parle volontiers de son travail et de ses enfants, beaucoup moins "
                "du reste. « Ce qui compte, c'est maintenant », dit-elle.</p>"
                "<h2>Revenir à la maison</h2>"
                "<p>Quand elle est rentrée, il y a un peu plus d'un an, ses enfants avaient "
                "grandi. Le plus jeune l'appelait par son prénom. Sa sœur, qui les avait gardés, "
                "avait pris ses habitudes. Il a fallu retrouver une place, doucement, sans "
                "bousculer personne. « Je ne pouvais pas arriver et dire : maintenant, c'est moi "
                "qui décide. J'ai d'abord écouté. »</p>"
                "<p>Les premières semaines, elle a surtout cherché à se rendre utile : "
                "accompagner les enfants à l'école, préparer les repas, reprendre les vêtements "
                "de toute la maison. L'atelier est vite devenu son point fixe, un lieu où elle "
                "savait ce qu'on attendait d'elle. L'animatrice de Kassoumay passait la voir "
                "chaque semaine, sans rien demander, simplement pour savoir comment elle "
                "allait.</p>"
                "<p>Le travail a aidé. Khady avait appris la couture en cousant des uniformes. À "
                "Kassoumay, elle a découvert le wax et surtout le pagne tissé manjak, ces bandes "
                "étroites tissées sur des métiers traditionnels, aux motifs géométriques, qu'elle "
                "achète à des tisserands de la ville. Elle en fait des sacs, des housses de "
                "coussin, des chemises aux empiècements colorés.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Mes enfants voient que je pars travailler le matin et que je rentre le "
                        "soir. Pour moi, c'est la plus belle chose que je puisse leur montrer."
                    ),
                    "attribution": "Khady, couturière",
                },
            ),
            (
                "text",
                "<h2>Un revenu régulier</h2>"
                "<p>Khady vend une partie de sa production à des clientes du quartier, et l'autre "
                "sur la boutique Mains Libres. Les commandes en ligne sont plus régulières ; "
                "elles lui permettent de prévoir. Chaque fin de mois, l'atelier lui remet le "
                "détail de ses ventes, pièce par pièce, avec le prix qu'elle a fixé et qu'elle "
                "reçoit en entier. Avec cet argent, elle paie la scolarité, les fournitures, et "
                "sa part du loyer qu'elle partage avec sa sœur.</p>"
                "<p>Elle tient elle-même un petit cahier de comptes, commencé avec l'animatrice "
                "de l'atelier : une colonne pour le tissu, une pour le fil et les fermetures, une "
                "pour les ventes. « Avant, l'argent partait sans que je sache où. Maintenant, je "
                "le vois. »</p>"
                "<p>Sa chemise en wax à manches courtes a tant plu cet été que toute la série est "
                "partie. Elle en coud une nouvelle, dans un tissu choisi au marché. Les enfants "
                "ont voté pour le motif : des cercles jaunes et bleus.</p>"
                "<h2>Les devoirs du soir</h2>"
                "<p>Le soir, la table de la cuisine sert d'abord aux cahiers. Khady aide les "
                "enfants à réviser, puis, quand ils sont couchés, elle sort parfois un carnet de "
                "croquis : un nouveau sac, une trousse, une idée de robe pour sa fille. Elle ne "
                "coud presque jamais à la maison. La machine est à l'atelier, et elle tient à "
                "cette frontière.</p>"
                "<p>Sa prochaine étape : suivre le module de gestion proposé par l'atelier et, "
                "peut-être, accueillir un jour une apprentie. Elle en parle en souriant. Elle a "
                "le temps.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les créations de Khady",
                    "products": [
                        "sac-bandouliere-pagne-tisse",
                        "housse-coussin-pagne-manjak",
                        "chemise-wax-manches-courtes",
                    ],
                },
            ),
        ],
    },
    {
        "slug": "l-argile-de-thies-sans-nom",
        "title": "L'argile de Thiès, sans nom et sans visage",
        "standfirst": (
            "Il a choisi de ne donner ni son nom ni son visage. Au centre Jàng ak Liggéey de "
            "Thiès, cet artisan façonne des vases et des jarres en argile rouge. Nous avons passé "
            "une journée au bord de son tour, à parler de terre, de feu et de patience."
        ),
        "date": "2026-11-10",
        "artisans": ["artisan-de-thies"],
        "tags": ["savoir-faire", "formation"],
        "hero_scene": "hands",
        "hero_caption": (
            "Des mains façonnent le col d'un vase sur le tour du centre Jàng ak Liggéey."
        ),
        "hero_credit": "Illustration : Mains Libres",
        "body": [
            (
                "text",
                "<p>Il a posé une condition avant d'accepter cette rencontre : qu'on ne le nomme "
                "pas, qu'on ne le décrive pas, qu'on ne photographie que ses mains et ses pièces. "
                "Nous l'appellerons donc comme il apparaît sur la boutique : l'artisan de Thiès. "
                "Ce choix est le sien. Chaque artisan de Mains Libres décide seul de ce qui est "
                "montré de lui, et peut changer d'avis à tout moment.</p>"
                "<p>Il travaille au fond de l'atelier de céramique du centre, près de la porte "
                "qui donne sur la cour et le four à bois. Devant lui : le tour, une bassine "
                "d'eau, une éponge, un fil à couper. Derrière lui, sur des planches, une "
                "vingtaine de pièces sèchent à l'ombre sous une bâche en plastique.</p>"
                "<h2>Une terre de la région</h2>"
                "<p>L'argile vient d'une carrière à quelques kilomètres de Thiès. Elle arrive en "
                "mottes, mêlée de cailloux et de racines. Il faut la laisser tremper, la tamiser, "
                "la faire sécher jusqu'à la bonne consistance, puis la pétrir longuement pour en "
                "chasser l'air. « Une bulle oubliée, et la pièce éclate au four. Tout le travail "
                "est perdu », explique-t-il.</p>"
                "<p>Ses formes viennent des canaris, ces grandes jarres où l'on garde l'eau "
                "fraîche dans les maisons sénégalaises. Il en a vu toute son enfance. Il les a "
                "réduites, affinées, munies d'un col plus étroit pour en faire des vases. "
                "Certaines pièces sont recouvertes d'un engobe, une argile liquide plus claire, "
                "qu'il polit au galet avant la cuisson pour lui donner un éclat satiné.</p>"
                "<p>Une pièce moyenne lui demande une journée de tournage et de finition, puis "
                "deux semaines de séchage lent, à l'abri des courants d'air. Pendant ce temps, il "
                "la retourne, vérifie qu'aucune fissure n'apparaît, reprend un bord au besoin.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "La terre ne s'intéresse pas à qui vous êtes. Elle regarde seulement si "
                        "vous êtes patient."
                    ),
                    "attribution": "L'artisan de Thiès, potier",
                },
            ),
            (
                "text",
                "<h2>Le jour de la cuisson</h2>"
                "<p>Le four à bois du centre est allumé toutes les trois semaines environ, quand "
                "les étagères de séchage sont pleines. Ce jour-là, toute la filière céramique s'y "
                "met. On enfourne tôt le matin, on monte la température doucement pendant des "
                "heures, on surveille la couleur des flammes. Le lendemain, on défourne. Il y a "
                "toujours quelques pièces fendues, et des surprises : une teinte plus sombre, une "
                "trace de fumée qui dessine un motif.</p>"
                "<p>Ses lampes en terre cuite ajourée sont nées d'une de ces surprises. Une jarre "
                "percée de trous d'aération, posée par hasard sur une baladeuse, a projeté sur le "
                "mur une constellation de points lumineux. Il en a fait un modèle.</p>"
                "<h2>Le choix de l'anonymat</h2>"
                "<p>Pourquoi ne pas signer ? Il répond sans détour : il veut que ses pièces "
                "soient achetées pour ce qu'elles sont. Et il veut pouvoir, un jour, rentrer chez "
                "lui sans que son passé le précède. Sur la boutique, ses objets portent la "
                "mention « Artisan de Thiès ». Il reçoit pour chacun le prix convenu, comme tous "
                "les artisans, et sa fiche ne montre que ce qu'il a accepté.</p>"
                "<p>Sa formation se termine dans quelques semaines ; un stage de perfectionnement "
                "au centre prendra le relais jusqu'au printemps. Il aimerait installer un petit "
                "tour chez lui et vendre aux restaurants et aux hôtels de la Petite-Côte. Il "
                "compte continuer à passer par la boutique. Sous le même nom, ou plutôt sans "
                "nom.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Les pièces de l'artisan de Thiès",
                    "products": [
                        "vase-argile-rouge-col-etroit",
                        "lampe-terre-cuite-ajouree",
                        "jarre-canari-engobee",
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Rencontrer les artisans",
                    "text": (
                        "Chacun choisit comment il apparaît : sous son nom, son prénom, un nom "
                        "d'artiste, ou sans nom du tout."
                    ),
                    "button_label": "Voir les artisans",
                    "page": "artisans",
                },
            ),
        ],
    },
]

# Standard pages: about, delivery, terms of sale, privacy.
STANDARD_PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "intro": (
            "Mains Libres est une entreprise sociale sénégalaise qui vend des objets fabriqués par "
            "des personnes détenues ou sorties de prison, pour qu'elles gagnent un revenu et "
            "préparent leur retour parmi les leurs."
        ),
        "body": [
            (
                "text",
                "<h2>Pourquoi nous existons</h2>"
                "<p>Dans les ateliers des établissements pénitentiaires et des centres de "
                "formation, des femmes et des hommes apprennent un métier et fabriquent des "
                "objets de grande qualité. Ce qui leur manque le plus souvent, ce sont des "
                "clients. Sans ventes, pas de revenu ; sans revenu, une sortie se prépare "
                "difficilement.</p>"
                "<p>Mains Libres est né pour faire ce lien. Nous travaillons avec quatre "
                "ateliers, à Dakar, Thiès, Saint-Louis et Ziguinchor. Nous photographions les "
                "pièces, nous les mettons en vente, nous encaissons les paiements, nous livrons, "
                "et nous reversons à chaque artisan le prix qu'il a fixé.</p>"
                "<h2>Comment nous travaillons</h2>"
                "<ul>"
                "<li><b>Un prix juste, fixé avec l'artisan.</b> Il tient compte du matériel et du "
                "temps passé, et il est versé en entier.</li>"
                "<li><b>Une marge transparente de 10 %</b>, ajoutée au prix de l'artisan pour "
                "couvrir les frais de la boutique. Le détail figure sur chaque fiche produit.</li>"
                "<li><b>Des histoires racontées avec consentement.</b> Chaque artisan choisit ce "
                "qui est montré de lui : son nom, son visage, son histoire. Il peut changer "
                "d'avis à tout moment.</li>"
                "<li><b>Des chiffres publics</b>, calculés à partir des ventes réelles, sur notre "
                "page d'impact.</li></ul>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Nous ne vendons pas une histoire triste. Nous vendons une belle chaise, "
                        "faite par quelqu'un qui prépare sa vie d'après."
                    ),
                    "attribution": "L'équipe de Mains Libres",
                },
            ),
            (
                "image",
                {
                    "scene": "market",
                    "alt_text": (
                        "Un stand de marché où sont exposés des paniers, des coussins en wax et de "
                        "petites sculptures en bois."
                    ),
                    "caption": "Une vente éphémère de Mains Libres à Dakar.",
                    "credit": "Illustration : Mains Libres",
                },
            ),
            (
                "text",
                "<h2>Nos partenaires</h2>"
                "<p>Mains Libres travaille avec l'administration des établissements où se "
                "trouvent les ateliers, avec des centres de formation professionnelle et avec des "
                "associations qui accompagnent les personnes après leur sortie. Chaque "
                "partenariat fait l'objet d'une convention écrite qui précise le rôle de chacun "
                "et le chemin de l'argent.</p>"
                "<h2>Nous contacter</h2>"
                "<p>Pour une question sur une commande, une commande spéciale, un partenariat ou "
                "une demande de la presse, écrivez-nous à boutique@mainslibres.example. Nous "
                "répondons du lundi au vendredi, en français ou en wolof.</p>",
            ),
        ],
    },
    {
        "slug": "livraison",
        "title": "Livraison et retrait",
        "intro": (
            "Nous livrons dans l'agglomération de Dakar et proposons un retrait gratuit sur "
            "rendez-vous. Vous pouvez régler à la livraison."
        ),
        "body": [
            (
                "text",
                "<h2>Zone de livraison</h2>"
                "<p>Nous livrons à domicile ou au bureau dans l'agglomération de Dakar : Dakar, "
                "Pikine, Guédiawaye, Rufisque et Keur Massar. Les frais de livraison sont de 2 "
                "000 F CFA par commande, quel que soit le nombre d'articles. Ils sont affichés "
                "séparément au moment de la commande et ne comprennent aucune marge.</p>"
                "<p>Pour une livraison dans une autre région du Sénégal, contactez-nous avant de "
                "commander : nous pouvons confier votre colis à un transporteur ou à une "
                "compagnie de bus, à un tarif que nous vous communiquerons à l'avance. Nous ne "
                "livrons pas encore à l'étranger.</p>"
                "<h2>Délais</h2>"
                "<ul>"
                "<li><b>Pièces déjà à Dakar</b> (la plupart des articles) : livraison sous 2 à 4 "
                "jours ouvrés.</li>"
                "<li><b>Pièces venant de Saint-Louis, de Thiès ou de Ziguinchor</b> : comptez 5 à "
                "10 jours ouvrés, le temps du transport depuis l'atelier. Nous vous prévenons à "
                "la commande.</li>"
                "<li><b>Meubles volumineux</b> : nous vous appelons pour convenir d'un créneau. "
                "La livraison se fait au rez-de-chaussée ; pour un étage, prévenez-nous afin que "
                "nous venions à deux.</li></ul>"
                "<p>Nous vous appelons la veille de la livraison pour confirmer l'adresse et "
                "l'heure. En cas d'absence, nous repassons une fois sans frais.</p>",
            ),
            (
                "text",
                "<h2>Retrait gratuit</h2>"
                "<p>Vous pouvez aussi retirer votre commande gratuitement à notre local de Dakar, "
                "du lundi au samedi de 10 h à 18 h, sur rendez-vous. Nous vous envoyons l'adresse "
                "et un code de retrait par SMS dès que votre commande est prête.</p>"
                "<h2>Paiement à la livraison</h2>"
                "<p>Le paiement à la livraison ou au retrait est possible pour toutes les "
                "commandes : en espèces ou par paiement mobile, au moment où vous recevez vos "
                "articles. Votre commande est réservée dès sa validation, puis enregistrée comme "
                "payée quand nous recevons votre règlement. Lorsque le paiement par carte en "
                "ligne est proposé sur le site, vous pouvez aussi régler à la commande.</p>"
                "<h2>À la réception</h2>"
                "<p>Vérifiez vos articles en présence du livreur. Si une pièce est abîmée, "
                "refusez-la ou signalez-le-nous dans les 48 heures, avec une photo si possible : "
                "nous trouverons une solution avec vous, comme le prévoient nos conditions "
                "générales de vente.</p>",
            ),
            (
                "image",
                {
                    "scene": "street",
                    "alt_text": "Une rue animée de Dakar avec un livreur à moto portant un colis.",
                    "caption": (
                        "Nos livraisons dans l'agglomération de Dakar se font à moto ou en "
                        "camionnette."
                    ),
                    "credit": "Illustration : Mains Libres",
                },
            ),
        ],
    },
    {
        "slug": "conditions-de-vente",
        "title": "Conditions générales de vente",
        "intro": (
            "Les présentes conditions s'appliquent à toute commande passée sur la boutique Mains "
            "Libres. Elles ont été rédigées pour être lues : si un point vous semble obscur, "
            "écrivez-nous."
        ),
        "body": [
            (
                "text",
                "<h2>1. Objet</h2>"
                "<p>Les présentes conditions générales régissent les ventes conclues entre Mains "
                "Libres, entreprise sociale établie à Dakar, et toute personne qui passe commande "
                "sur ce site (ci-après « le client »). Passer commande vaut acceptation de ces "
                "conditions dans leur version en vigueur le jour de la commande.</p>"
                "<h2>2. Les produits</h2>"
                "<p>Les objets proposés sont fabriqués à la main par les artisans de nos ateliers "
                "partenaires. Les photos et les descriptions sont aussi fidèles que possible ; de "
                "légères différences de teinte, de veinage ou de dimensions font partie de la "
                "nature d'un objet artisanal et ne constituent pas un défaut. Les pièces uniques "
                "sont signalées comme telles sur leur fiche.</p>"
                "<h2>3. Les prix</h2>"
                "<p>Les prix sont indiqués en francs CFA (XOF), sans décimales. Le prix de chaque "
                "article se compose :</p>"
                "<ul>"
                "<li>du <b>prix de l'artisan</b>, fixé avec lui et intégralement reversé ;</li>"
                "<li>de la <b>marge de la boutique</b>, égale à 10 % du prix de l'artisan, "
                "arrondie au franc le plus proche (un demi-franc est arrondi au franc supérieur). "
                "Elle couvre les frais de fonctionnement de la boutique.</li></ul>"
                "<p>Le détail des deux parts figure sur chaque fiche produit. Les frais de "
                "livraison sont indiqués séparément avant la validation de la commande. Le prix "
                "applicable est celui affiché au moment de la commande.</p>"
                "<h2>4. La commande</h2>"
                "<p>La commande est enregistrée lorsque le client la valide. Les articles "
                "commandés sont alors réservés pour lui. Une pièce unique ne peut être vendue "
                "qu'une fois : si deux clients la commandent au même instant, seule la première "
                "commande réglée est retenue et l'autre client est prévenu sans délai. Mains "
                "Libres confirme chaque commande par message ou par courriel.</p>"
                "<h2>5. Le paiement</h2>"
                "<p>Le client peut payer à la livraison ou au retrait, en espèces ou par paiement "
                "mobile, ou, lorsque ce moyen est proposé, par carte bancaire en ligne sur une "
                "page de paiement sécurisée. Les données de carte sont traitées par notre "
                "prestataire de paiement et ne sont jamais conservées par Mains Libres. Une "
                "commande non réglée en ligne dans le délai indiqué est annulée et les articles "
                "sont remis en vente.</p>",
            ),
            (
                "text",
                "<h2>6. La livraison</h2>"
                "<p>Les zones, frais et délais de livraison sont décrits sur la page « Livraison "
                "et retrait ». Les délais sont donnés à titre indicatif ; en cas de retard "
                "important, nous prévenons le client, qui peut alors annuler sa commande et être "
                "remboursé s'il l'a déjà réglée.</p>"
                "<h2>7. Retours et échanges</h2>"
                "<p>Le client dispose de 7 jours après la réception pour nous signaler qu'il "
                "souhaite retourner un article. L'article doit être rendu dans son état "
                "d'origine, non utilisé, et dans son emballage si possible. Nous le reprenons "
                "lors d'un passage de notre livreur ou à notre local, et nous remboursons le prix "
                "de l'article par le moyen de paiement utilisé, ou en espèces pour un paiement à "
                "la livraison, dans un délai de 14 jours. Les frais de livraison initiaux ne sont "
                "remboursés que si l'article est défectueux ou ne correspond pas à la "
                "commande.</p>"
                "<p>Les vêtements portés et les articles réalisés sur mesure à la demande du "
                "client ne peuvent être ni repris ni échangés, sauf défaut.</p>"
                "<h2>8. Articles abîmés ou défectueux</h2>"
                "<p>Un article abîmé pendant le transport ou présentant un défaut de fabrication "
                "doit nous être signalé dans les 48 heures suivant la réception, avec une photo "
                "si possible. Nous proposons alors, au choix du client, une réparation par "
                "l'artisan, un échange lorsqu'il est possible, ou un remboursement complet, frais "
                "de livraison compris.</p>"
                "<h2>9. Ce que devient l'argent en cas de remboursement</h2>"
                "<p>Un remboursement n'est jamais retenu sur le revenu de l'artisan pour un "
                "défaut dû au transport : Mains Libres le prend à sa charge. Les ventes "
                "remboursées sont déduites des chiffres publiés sur notre page d'impact.</p>"
                "<h2>10. Données personnelles</h2>"
                "<p>Les informations recueillies lors de la commande servent uniquement à la "
                "traiter et à la livrer. Leur utilisation est décrite dans notre politique de "
                "confidentialité.</p>"
                "<h2>11. Réclamations et litiges</h2>"
                "<p>Toute réclamation peut être adressée à boutique@mainslibres.example. Nous "
                "recherchons d'abord une solution amiable. À défaut, le litige relève des "
                "juridictions compétentes de Dakar, et le droit sénégalais s'applique.</p>",
            ),
        ],
    },
    {
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "intro": (
            "Cette page explique quelles données nous conservons, pourquoi, pendant combien de "
            "temps, et comment les personnes portraiturées sur ce site gardent la main sur ce qui "
            "est publié à leur sujet."
        ),
        "body": [
            (
                "text",
                "<h2>Les données de nos clients</h2>"
                "<p>Lorsque vous passez commande, nous enregistrons votre nom, votre numéro de "
                "téléphone, votre adresse de livraison, votre adresse électronique si vous la "
                "donnez, ainsi que le détail de votre commande. Ces informations servent à "
                "préparer, livrer et suivre votre commande, et à vous contacter à son sujet. "
                "Elles ne sont jamais vendues ni cédées à des fins publicitaires.</p>"
                "<p>Si vous payez par carte, le paiement est traité par notre prestataire sur sa "
                "propre page sécurisée : nous ne voyons ni ne conservons jamais votre numéro de "
                "carte. Nous recevons seulement la confirmation du paiement.</p>"
                "<p>Les commandes sont conservées pendant la durée exigée par nos obligations "
                "comptables, puis supprimées ou rendues anonymes. Le site utilise un cookie de "
                "session pour retenir le contenu de votre panier ; il n'utilise aucun cookie "
                "publicitaire ni outil de suivi commercial.</p>"
                "<h2>Les personnes portraiturées</h2>"
                "<p>Les artisans dont nous racontons le travail vivent ou ont vécu une période de "
                "détention. Leur protection passe avant tout le reste.</p>"
                "<ul>"
                "<li><b>Un consentement écrit et détaillé.</b> Avant toute publication, chaque "
                "artisan indique ce qu'il accepte que nous montrions : son nom, son visage, son "
                "histoire. Il peut choisir un prénom, un nom d'artiste ou l'anonymat. Le "
                "consentement est expliqué oralement, dans la langue de son choix, et peut être "
                "recueilli en présence d'une personne de confiance.</li>"
                "<li><b>Un consentement daté et limité dans le temps</b> lorsque l'artisan le "
                "souhaite. À son échéance, nous le revoyons avec lui avant toute nouvelle "
                "publication.</li>"
                "<li><b>Rien au-delà de ce qui est accepté.</b> Une histoire ne peut pas montrer "
                "plus que ce que couvre le consentement : pas de visage sans accord pour le "
                "visage, pas de nom sans accord pour le nom.</li>"
                "<li><b>Aucune information judiciaire.</b> Nous ne publions jamais les raisons "
                "d'une détention ni de détail sur une procédure.</li>"
                "<li><b>Des informations privées réservées à l'équipe.</b> L'état civil de "
                "l'artisan, ses coordonnées et les notes de suivi ne sont visibles que par un "
                "petit nombre de membres de l'équipe, et n'apparaissent jamais sur le "
                "site.</li></ul>",
            ),
            (
                "text",
                "<h2>Retirer son consentement</h2>"
                "<p>Un artisan peut retirer son consentement à tout moment, sans avoir à se "
                "justifier. Il suffit de le dire au responsable de son atelier, de nous écrire à "
                "confidentialite@mainslibres.example, ou de demander à un proche de le faire en "
                "son nom, avec son accord.</p>"
                "<p>Le retrait prend effet partout en même temps : la fiche de l'artisan, son "
                "portrait, les histoires qui le concernent et les mentions de son nom "
                "disparaissent des pages du site, des résultats de recherche et des flux "
                "d'actualités. Les pièces déjà vendues restent dans nos comptes, et <b>ses ventes "
                "continuent de lui être payées</b> normalement : retirer son consentement ne fait "
                "jamais perdre de revenu.</p>"
                "<h2>Vos droits</h2>"
                "<p>Conformément à la loi sénégalaise n° 2008-12 du 25 janvier 2008 sur la "
                "protection des données à caractère personnel, vous pouvez accéder aux données "
                "qui vous concernent, les faire corriger ou demander leur suppression, dans la "
                "limite de nos obligations légales. Écrivez-nous à "
                "confidentialite@mainslibres.example ; nous répondons sous un mois. Vous pouvez "
                "également saisir la Commission de protection des données personnelles (CDP).</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Une personne peut nous dire non aujourd'hui alors qu'elle nous a dit oui "
                        "hier. C'est son droit, et notre site est construit pour le respecter."
                    ),
                    "attribution": "L'équipe de Mains Libres",
                },
            ),
        ],
    },
]

# Shop: where pickup orders are collected (shown at checkout and in e-mails).
PICKUP_ADDRESS = (
    "Local Mains Libres, Dakar-Plateau (adresse exacte et code de retrait envoyés par SMS)\n"
    "Du lundi au samedi, de 10 h à 18 h, sur rendez-vous"
)

# Staff accounts of the demo, one per group, to try what each group can do.
STAFF_USERS = [
    {"username": "communication", "email": "communication@mainslibres.example",
     "first_name": "Mariama", "last_name": "Faye", "group": "Communications"},
    {"username": "boutique", "email": "boutique@mainslibres.example",
     "first_name": "Babacar", "last_name": "Diop", "group": "Shop managers"},
]  # fmt: skip

# Orders of the demo: the pieces shown as sold were sold through these. Each line
# is (product slug, quantity, story slug the shopper came from or None).
DEMO_ORDER_DOMAIN = "exemple.sn"
ORDERS = [
    {"name": "Mariama Sow", "email": "mariama.sow@exemple.sn", "phone": "+221 77 412 36 90",
     "fulfilment": "delivery", "address": "Cité Keur Gorgui, villa 41, Dakar",
     "lines": [("toile-car-rapide-colobane", 1, "la-visite-du-dimanche")],
     "status": "fulfilled", "days_ago": 96},
    {"name": "Jean-Baptiste Mendy", "email": "jb.mendy@exemple.sn", "phone": "+221 76 208 55 13",
     "fulfilment": "pickup", "address": "",
     "lines": [("table-basse-vene-plateau-rabote", 1, "preparer-la-sortie-pas-a-pas")],
     "status": "fulfilled", "days_ago": 71},
    {"name": "Aïssatou Ba", "email": "aissatou.ba@exemple.sn", "phone": "+221 78 330 14 27",
     "fulfilment": "delivery", "address": "Sicap Liberté 6, immeuble B, 2e étage, Dakar",
     "lines": [("robe-bazin-ceremonie", 1, "a-thies-apprendre-la-coupe"),
               ("souwere-pirogues-au-petit-matin", 1, "le-sous-verre-un-art-de-patience")],
     "status": "fulfilled", "days_ago": 47},
    {"name": "Pape Ndoye", "email": "pape.ndoye@exemple.sn", "phone": "+221 77 905 62 18",
     "fulfilment": "delivery", "address": "Rue 10 x Corniche, Médina, Dakar",
     "lines": [("panneau-marche-tilene", 1, None),
               ("chemise-wax-manches-courtes", 1, "khady-la-couture-et-les-devoirs-du-soir")],
     "status": "fulfilled", "days_ago": 29},
    {"name": "Ndeye Diouf", "email": "ndeye.diouf@exemple.sn", "phone": "+221 70 118 40 52",
     "fulfilment": "delivery", "address": "Parcelles Assainies, unité 15, Dakar",
     "lines": [("chemise-col-mao-lin-wax", 1, None)],
     "status": "cancelled", "days_ago": 18},
    {"name": "Claire Martin", "email": "claire.martin@exemple.sn", "phone": "+33 6 12 34 56 78",
     "fulfilment": "pickup", "address": "", "language": "en",
     "lines": [("masque-dimb-patine", 1, "a-saint-louis-le-bois-et-le-fleuve"),
               ("jarre-canari-engobee", 2, "l-argile-de-thies-sans-nom")],
     "status": "paid", "days_ago": 9},
    {"name": "Cheikh Fall", "email": "cheikh.fall@exemple.sn", "phone": "+221 77 640 29 81",
     "fulfilment": "delivery", "address": "HLM Grand Yoff, villa 212, Dakar",
     "lines": [("panier-raphia-anses", 2, "premier-marche-apres-la-sortie")],
     "status": "awaiting_cash", "days_ago": 1},
]  # fmt: skip
