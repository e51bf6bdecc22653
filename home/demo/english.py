"""English translations of the demo, keyed by the French page's slug.

`load_demo` makes each one the way an editor does (Wagtail's “Translate”:
`copy_for_translation`), then writes these texts into the copy and publishes it.
Prices, stock, makers and categories are not here: a translation shares them
with the French page.
"""

HOME = {
    "slug": "home",
    "title": "Home",
    "hero_heading": "Handmade objects, lives being rebuilt",
    "hero_text": (
        "Every piece at Mains Libres is made by someone in prison or recently released, in our "
        "partner workshops in Dakar, Thiès, Saint-Louis and Ziguinchor. When you buy it, you pay "
        "them a fair income and help them prepare their return home."
    ),
    "hero_image_alt": (
        "A bright workshop where artisans sand and paint wooden pieces around a large workbench."
    ),
}

INDEXES = {
    "histoires": {
        "slug": "stories",
        "title": "Stories",
        "intro": (
            "<p>Days in the workshop, learning a trade, family visits, first steps after "
            "release: the stories of the women and men who make the objects sold by Mains "
            "Libres. Each one is written with their agreement and shows only what they chose to "
            "share.</p>"
        ),
    },
    "artisans": {
        "slug": "artisans",
        "title": "The artisans",
        "intro": (
            "<p>Cabinetmakers, seamstresses, painters, potters, basket weavers: they work in four "
            "workshops in Senegal, in prison or after their release. Each of them chooses how they "
            "appear here: under their name, their first name, an artist's name, or no name at "
            "all.</p>"
        ),
    },
    "boutique": {
        "slug": "shop",
        "title": "Shop",
        "intro": (
            "<p>Art, furniture, clothing and decor, made by hand by the artisans of our "
            "workshops. The price shown includes the artisan's price, which they receive in full, "
            "and a 10 % markup that keeps the shop running: every product page shows the "
            "split.</p>"
            "<p>One-of-a-kind pieces stay visible once sold, so that you can discover their "
            "maker's work and their other pieces.</p>"
        ),
    },
}

IMPACT = {
    "slug": "impact",
    "title": "Our impact",
    "intro": (
        "What your purchases change, in figures. The amounts on this page are computed from paid "
        "orders: what the artisans received, how many objects were sold, how many artisans "
        "earned, and the markup the shop kept, month by month and workshop by workshop."
    ),
    "body": [
        (
            "text",
            "<h2>Where the money of a purchase goes</h2>"
            "<p>Every price in the shop has two parts, shown on each product page:</p>"
            "<ul><li><b>The artisan's price</b>, set with them according to materials and time. "
            "They receive all of it.</li>"
            "<li><b>The shop's markup</b>, 10 % of the artisan's price, rounded to the nearest "
            "franc.</li></ul>"
            "<p>Delivery, when there is any, is shown separately and only pays for the trip.</p>",
        ),
        (
            "text",
            "<h2>How the figures are computed</h2>"
            "<p>Nobody types these figures in: they come from the orders. Only paid orders count; "
            "refunds are deducted in the month they happen; each order line keeps the price and "
            "markup of the day of the sale, so a later change never rewrites the past. When an "
            "artisan withdraws their consent, their name and story leave the site, but their "
            "sales are still counted here, without naming them, and still paid to them.</p>",
        ),
    ],
}

STANDARD_PAGES = {
    "a-propos": {
        "slug": "about",
        "title": "About us",
        "intro": (
            "Mains Libres is a Senegalese social enterprise that sells objects made by people in "
            "prison or after release, so that they earn an income and prepare their return to "
            "their families."
        ),
        "body": [
            (
                "text",
                "<h2>Why we exist</h2>"
                "<p>Prison workshops train skilled people: cabinetmakers, seamstresses, painters, "
                "potters. What they make rarely finds buyers outside the walls. We photograph and "
                "describe their work, sell it here, and pay each artisan the price agreed with "
                "them, in full.</p>"
                "<h2>How we work</h2>"
                "<p>We work with four partner workshops, with the prison administration and with "
                "the social services who prepare each release. Every story is written with the "
                "person it is about, who decides what may be shown: their name, their face, their "
                "story, or none of these.</p>",
            ),
        ],
    },
    "livraison": {
        "slug": "delivery",
        "title": "Delivery and pickup",
        "intro": (
            "We deliver in the Dakar area and offer free pickup by appointment. You can pay on "
            "delivery."
        ),
        "body": [
            (
                "text",
                "<h2>Delivery</h2>"
                "<p>Orders are delivered in the Dakar area within three to five working days. The "
                "delivery fee is shown before you order and only pays for the trip. Furniture "
                "from Ziguinchor or Saint-Louis may take a few more days.</p>"
                "<h2>Pickup</h2>"
                "<p>You can collect your order free of charge at our pickup point, by appointment: "
                "we call you when it is ready. You pay in cash at pickup, or by card when you "
                "order.</p>",
            ),
        ],
    },
    "conditions-de-vente": {
        "slug": "terms-of-sale",
        "title": "Terms of sale",
        "intro": (
            "These terms apply to every order placed in the Mains Libres shop. They were written "
            "to be read: if anything is unclear, write to us."
        ),
        "body": [
            (
                "text",
                "<h2>Prices and payment</h2>"
                "<p>Prices are shown in CFA francs, all taxes included, with the split between the "
                "artisan's price and the shop's markup. You pay by card when you order, or in cash "
                "on delivery or at pickup. An order is confirmed once it is paid.</p>"
                "<h2>Availability</h2>"
                "<p>Most pieces are handmade in small numbers, and many are one of a kind. A piece "
                "in your cart is only reserved when you place your order.</p>"
                "<h2>Returns</h2>"
                "<p>You have fourteen days after delivery to return a piece in its original "
                "condition. We refund the price of the piece; the artisan keeps what they were "
                "paid, the shop bears the cost.</p>",
            ),
        ],
    },
    "confidentialite": {
        "slug": "privacy",
        "title": "Privacy policy",
        "intro": (
            "This page explains what data we keep, why, for how long, and how the people "
            "portrayed on this site stay in control of what is published about them."
        ),
        "body": [
            (
                "text",
                "<h2>Your data as a customer</h2>"
                "<p>We keep your name, e-mail address, phone number and delivery address to "
                "deliver your order and answer your questions, for as long as the law requires "
                "us to keep sales records. We never sell them. Card payments are handled by our "
                "payment provider: we never see your card number.</p>"
                "<h2>The people portrayed</h2>"
                "<p>Each artisan decides what may be shown about them, and can withdraw their "
                "consent at any time. The withdrawal takes effect at once: their name, face and "
                "story leave every page, the search and the feeds of this site.</p>",
            ),
        ],
    },
}

# The maker's page: their craft and profile (the name comes from their private record).
ARTISANS = {
    "ibrahima-sarr": {
        "craft": "cabinetmaker",
        "profile": (
            "<p>Ibrahima Sarr learned woodwork in the Baol region from an uncle who was a "
            "carpenter, then worked for years in furniture workshops on the outskirts of Dakar. "
            "At the Baobab workshop, he is the one people turn to when a joint will not "
            "fit.</p>"
            "<p>He loves the hardwoods of the country, vène and caïlcédrat, and simple shapes: "
            "three-legged stools, shelves without a single screw, coffee tables that keep the "
            "marks of the plane. “A piece of furniture should last thirty years”, he tells the "
            "younger ones.</p>"
        ),
    },
    "diamono": {
        "craft": "painter",
        "profile": (
            "<p>Diamono, “the era” in Wolof, is the name this painter chose to sign his "
            "canvases. He started drawing as a child, on the walls of his courtyard, then on "
            "anything he could find: exercise books, cardboard, planks.</p>"
            "<p>At the Baobab workshop, he paints in acrylic on canvas or on salvaged plywood. "
            "His subjects come from Dakar: crowded cars rapides, wrestling bouts, market stalls, "
            "in bold flat colours. He does not show his face; his paintings, he says, speak for "
            "him.</p>"
        ),
    },
    "yeesal": {
        "craft": "metalworker and lamp maker",
        "profile": (
            "<p>Yeesal, “renewal” in Wolof, turns scrap metal into lamps and sculptures. Oil "
            "drums, bicycle rims and bed springs become pierced lamps, pendant lights and "
            "birds.</p>"
            "<p>Every piece is welded, sanded and painted by hand at the Baobab workshop, and "
            "every lamp is checked by the workshop's electrician trainer before it leaves.</p>"
        ),
    },
    "awa-ndiaye": {
        "craft": "seamstress",
        "profile": (
            "<p>Awa Ndiaye learned to sew at the Jàng ak Liggéey training centre in Thiès, where "
            "she now cuts dresses and shirts in wax and bazin. She likes clean "
            "finishes: overlocked "
            "seams, hand-sewn hems, patterns matched down the front.</p>"
            "<p>She is preparing, with the centre, to open a small tailoring workshop of her "
            "own.</p>"
        ),
    },
    "artisan-de-thies": {
        "craft": "potter",
        "profile": (
            "<p>This potter from the Thiès training centre chose not to give a name or show a "
            "face. Their vases, jars and pierced lamps are thrown by hand in the red clay of the "
            "region and fired in a wood kiln, which leaves the marks of the flame on each "
            "piece.</p>"
        ),
    },
    "aliou-seck": {
        "craft": "sculptor",
        "profile": (
            "<p>A sculptor from the Fleuve workshop in Saint-Louis, who carves masks and figures "
            "in dimb and vène wood.</p>"
        ),
    },
    "ousmane": {
        "craft": "reverse glass painter",
        "profile": (
            "<p>Ousmane paints souwère, the Senegalese art of painting on the back of glass, at "
            "the Fleuve workshop in Saint-Louis. Bridges, pirogues and signares: the city's "
            "history, in reverse, one layer of colour at a time.</p>"
        ),
    },
    "fatou-diatta": {
        "craft": "basket weaver",
        "profile": (
            "<p>Fatou Diatta weaves raffia and palm leaves at the Kassoumay workshop in "
            "Ziguinchor: market baskets, bread baskets and tote bags, tightly woven to last for "
            "years.</p>"
            "<p>She learned from her grandmother and sold her first baskets at the Saturday "
            "market after her release.</p>"
        ),
    },
    "khady": {
        "craft": "seamstress",
        "profile": (
            "<p>Khady sews shirts, bags and cushion covers at the Kassoumay workshop in "
            "Ziguinchor, with wax and the hand-woven manjak cloth she buys from the town's "
            "weavers. She finishes at half past four, in time for her children's homework.</p>"
        ),
    },
    "ronier": {
        "craft": "carpenter",
        "profile": (
            "<p>Rônier, named after the palm tree that grows all over Casamance, makes stools, "
            "ladder shelves and side tables at the Kassoumay workshop, where he rents a "
            "workbench since his release.</p>"
            "<p>His furniture is simple and sturdy, made for the courtyards and kitchens of the "
            "region.</p>"
        ),
    },
}

PRODUCTS = {
    "toile-lutteurs-au-crepuscule": {
        "slug": "wrestlers-at-dusk",
        "title": "Wrestlers at dusk",
        "materials": "Acrylic on cotton canvas, wooden stretcher",
        "care_notes": "Hang away from direct sunlight and damp. Dust with a soft brush, no water.",
        "description": (
            "<p>Two wrestlers face each other in the arena, just before the bout begins. The "
            "orange sky, the crowd reduced to dabs of colour and the bodies straining towards "
            "each other carry all the tension of Senegalese wrestling, the sport Dakar follows "
            "every Sunday.</p><p>One of a kind, signed on the back. Delivered on its stretcher, "
            "ready to hang.</p>"
        ),
        "alt": (
            "Warm-coloured painting of two wrestlers face to face under an orange sky, in front "
            "of a stylised crowd."
        ),
    },
    "robe-wax-portefeuille": {
        "slug": "wax-wrap-dress",
        "title": "Wax wrap dress",
        "materials": "100 % cotton wax print, ties",
        "dimensions": "Adjustable from size 8 to 16, length 120 cm",
        "care_notes": "Machine wash at 30 °C, inside out. Dry in the shade. Medium iron.",
        "description": (
            "<p>A wrap dress that ties at the waist and adjusts to the figure, cut from a wax "
            "print in blue and ochre. Inside seams are overlocked and the hem is sewn by "
            "hand.</p><p>Each dress is cut one at a time: the placement of the pattern varies "
            "slightly from piece to piece.</p>"
        ),
        "alt": "Wrap dress in a blue and ochre wax print, shown on a dressmaker's dummy.",
    },
    "panier-raphia-anses": {
        "slug": "raffia-market-basket",
        "title": "Raffia market basket",
        "materials": "Natural raffia, double-stitched handles",
        "dimensions": "Ø 35 cm, height 30 cm (without handles)",
        "care_notes": "Wipe with a damp cloth and let it dry in the air. Keep it out of the rain.",
        "description": (
            "<p>A sturdy, tightly woven basket made for the Saturday market: its stiff base "
            "carries a five-kilo bag of rice and its handles are double-stitched. It folds flat "
            "when empty.</p><p>Woven by hand by Fatou Diatta in Ziguinchor, in about two days "
            "of work.</p>"
        ),
        "alt": "Large round basket in natural raffia with two handles, on a cement floor.",
    },
    "lampe-a-poser-ajouree": {
        "slug": "pierced-table-lamp",
        "title": "Pierced table lamp",
        "materials": "Recycled drum sheet metal, epoxy paint, fabric cable, E27 socket",
        "dimensions": "Ø 22 cm, height 34 cm",
        "care_notes": (
            "Use an LED bulb of 6 W at most. Unplug before cleaning; a dry cloth is enough."
        ),
        "description": (
            "<p>An old oil drum, flattened, pierced hole by hole with a chisel, then rolled and "
            "welded: when lit, this lamp scatters points of light across the walls. Matt black "
            "epoxy paint protects the metal from rust.</p><p>The wiring is checked by the "
            "workshop's electrician trainer before each shipment.</p>"
        ),
        "alt": (
            "Cylindrical black metal lamp pierced with small holes, lit, casting points of light "
            "on a wall."
        ),
    },
    "tabouret-trois-pieds-vene": {
        "slug": "three-legged-vene-stool",
        "title": "Three-legged vène stool",
        "materials": "Solid vène wood, linseed oil finish",
        "dimensions": "Ø 32 cm, height 45 cm",
        "care_notes": (
            "Dust with a dry cloth. Oil once or twice a year. Avoid long hours in full sun."
        ),
        "description": (
            "<p>A three-legged stool that stands steady on any floor, even the most uneven. The "
            "seat is hollowed with a gouge to fit the body; the legs are joined with pegged "
            "tenons, without nails or screws.</p><p>Vène, a hard wood with red glints, darkens "
            "with time. Each stool, designed and shaped by Ibrahima Sarr, carries the date it "
            "was made under its seat.</p>"
        ),
        "alt": (
            "Red wooden stool with three slightly splayed legs and a round hollowed seat, on a "
            "white background."
        ),
    },
    "chaise-cailcedrat-assise-tressee": {
        "slug": "cailcedrat-chair-woven-seat",
        "title": "Caïlcédrat chair with a woven seat",
        "materials": "Solid caïlcédrat, hand-woven sisal rope seat",
        "dimensions": "45 × 48 cm, height 86 cm (seat at 46 cm)",
        "care_notes": "Dust regularly. Oil the wood once a year. Keep the sisal seat dry.",
        "description": (
            "<p>An upright chair with a slightly tilted back, in solid caïlcédrat, with a seat of "
            "sisal rope woven by hand. The tight herringbone weave stays cool in hot weather and "
            "is easy to tighten again.</p><p>Each chair takes about a week of work at the Baobab "
            "workshop.</p>"
        ),
        "alt": (
            "Brown wooden chair with a straight back and a light rope seat woven in herringbone."
        ),
    },
    "table-basse-vene-plateau-rabote": {
        "slug": "vene-coffee-table-planed-top",
        "title": "Vène coffee table with a hand-planed top",
        "materials": "Solid vène, oil and beeswax finish",
        "care_notes": "Wipe up spills at once. Wax twice a year.",
        "description": (
            "<p>A coffee table with a thick top made of two vène boards. The top was planed by "
            "hand and keeps gentle ripples on purpose, which catch the light.</p><p>One of a "
            "kind: the grain of this wood will not be found on any other table.</p>"
        ),
        "alt": (
            "Rectangular coffee table in veined red wood, with a thick rippled top on four "
            "straight legs."
        ),
    },
    "etagere-murale-sans-vis": {
        "slug": "screwless-wall-shelf",
        "title": "Screwless wall shelf",
        "materials": "Solid caïlcédrat, mortise and tenon joints, wooden pegs",
        "dimensions": "80 × 22 cm, height 90 cm, 3 shelves",
        "care_notes": "Up to 10 kg per shelf. Fix to the wall with the two brackets provided.",
        "description": (
            "<p>Three shelves, two uprights and not a single screw: this shelf holds together by "
            "its mortise and tenon joints, locked with visible wooden pegs. Fix it to a wall or "
            "stand it against one.</p>"
        ),
        "alt": "Three-tier brown wooden wall shelf whose uprights are joined by visible pegs.",
    },
    "toile-car-rapide-colobane": {
        "slug": "car-rapide-in-colobane",
        "title": "Car rapide in Colobane",
        "materials": "Acrylic on cotton canvas, wooden stretcher",
        "care_notes": "Hang away from direct sunlight and damp. Dust with a soft brush, no water.",
        "description": (
            "<p>A crowded blue and yellow car rapide, stuck in the traffic of Colobane. The "
            "slogans painted on the bodywork, the luggage tied on the roof and the apprentice "
            "hanging off the back: all of Dakar fits in this scene.</p><p>One of a kind, signed "
            "“Diamono” on the back.</p>"
        ),
        "alt": (
            "Colourful painting of a blue and yellow minibus loaded with luggage in a busy street."
        ),
    },
    "panneau-marche-tilene": {
        "slug": "tilene-market",
        "title": "Tilène market",
        "materials": "Acrylic on salvaged plywood, matt varnish",
        "care_notes": "Hang away from direct sunlight and damp. Dust with a soft brush, no water.",
        "description": (
            "<p>The stalls of Tilène market seen from above: bowls of chillies, heaps of onions, "
            "the traders' cloths. The scene is painted on a salvaged plywood panel whose grain "
            "shows through the paint here and there.</p><p>One of a kind.</p>"
        ),
        "alt": (
            "Square painting showing market stalls from above, full of red chillies, onions and "
            "colourful fabrics."
        ),
    },
    "suspension-jante-velo": {
        "slug": "bicycle-rim-pendant-light",
        "title": "Bicycle rim pendant light",
        "materials": "Recycled bicycle rim, steel rods, epoxy paint, fabric cable, E27 socket",
        "dimensions": "Ø 60 cm, height 25 cm, 1.2 m cable",
        "care_notes": "Installation by an electrician recommended. LED bulbs only.",
        "description": (
            "<p>A salvaged bicycle rim becomes an airy pendant light: steel rods welded like "
            "spokes carry a conical shade of thin sheet metal. It lights a table or a corner of "
            "a living room with a soft, downward light.</p>"
        ),
        "alt": "Round pendant light made from a black-painted bicycle rim, with a conical shade.",
    },
    "oiseau-metal-recupere": {
        "slug": "scrap-metal-bird",
        "title": "Scrap metal bird",
        "materials": "Welded salvaged springs, nuts, nails and sheet metal, anti-rust varnish",
        "care_notes": "For indoors. Dust with a brush. A little oil on a cloth revives the metal.",
        "description": (
            "<p>A bed spring for the neck, two nuts for the eyes, a bent spoon for the beak: this "
            "wading bird is assembled from the workshop's offcuts. Each sculpture depends on what "
            "the scrap box holds that day; no two are alike.</p>"
        ),
        "alt": (
            "Sculpture of a wading bird in welded metal, with a spring neck and nut eyes, on a "
            "wooden base."
        ),
    },
    "robe-bazin-ceremonie": {
        "slug": "embroidered-bazin-ceremony-dress",
        "title": "Embroidered bazin ceremony dress",
        "materials": "Hand-dyed bazin riche, gold thread embroidery",
        "dimensions": "Size 12, length 150 cm",
        "care_notes": "Dry cleaning recommended, or hand wash in cold water without soaking.",
        "description": (
            "<p>A long ceremony dress in bazin riche, dyed midnight blue by a dye workshop in "
            "Thiès, then embroidered by hand with gold thread around the neckline and sleeves. "
            "Three weeks of work at the Jàng ak Liggéey centre.</p><p>One of a kind, designed and "
            "sewn by Awa Ndiaye during her training.</p>"
        ),
        "alt": (
            "Long midnight-blue dress in shiny bazin, with gold embroidery at the neck and "
            "sleeves, on a dummy."
        ),
    },
    "chemise-col-mao-lin-wax": {
        "slug": "mandarin-collar-linen-wax-shirt",
        "title": "Mandarin collar shirt, linen and wax",
        "materials": "Washed linen, 100 % cotton wax print panels, horn buttons",
        "dimensions": "Size L: chest 112 cm, length 76 cm",
        "care_notes": "Wash at 30 °C, inside out. Iron while still damp.",
        "description": (
            "<p>A light, breathable mandarin collar shirt in natural linen, lifted by wax print "
            "panels at the collar and cuffs. The horn buttons are sewn on by hand.</p>"
        ),
        "alt": (
            "Natural linen mandarin collar shirt with an orange and green wax collar and cuffs, "
            "laid flat."
        ),
    },
    "coussin-patchwork-wax": {
        "slug": "wax-offcut-patchwork-cushion",
        "title": "Wax offcut patchwork cushion",
        "materials": "Wax offcuts, cotton lining, kapok filling, zip",
        "care_notes": (
            "Removable cover, washable at 30 °C. Air the filling in the sun now and then."
        ),
        "description": (
            "<p>Nothing is wasted in the sewing workshop: wax offcuts from dresses and shirts are "
            "pieced into these cushions filled with kapok, the plant fibre of the silk-cotton "
            "tree. Each cushion is different.</p>"
        ),
        "alt": "Square patchwork cushion in assorted wax prints, on a wooden bench.",
    },
    "vase-argile-rouge-col-etroit": {
        "slug": "narrow-neck-red-clay-vase",
        "title": "Narrow-neck red clay vase",
        "materials": "Red clay from the Thiès region, wood-fired",
        "dimensions": "Ø 18 cm, height 32 cm",
        "care_notes": "Porous: for fresh flowers, slip a watertight container inside.",
        "description": (
            "<p>A round-bellied vase with a narrow neck, inspired by the canari jars that keep "
            "water cool. Thrown by hand and fired in a wood kiln, it keeps the shades of the "
            "flame: darker in places, almost orange elsewhere.</p>"
        ),
        "alt": "Round-bellied red terracotta vase with a narrow neck, in orange and brown shades.",
    },
    "jarre-canari-engobee": {
        "slug": "small-slip-glazed-canari-jar",
        "title": "Small slip-coated canari jar",
        "materials": "Red clay, light slip burnished with a pebble, wood-fired",
        "dimensions": "Ø 28 cm, height 30 cm",
        "care_notes": "Decorative: not for keeping drinking water. Wipe with a soft cloth.",
        "description": (
            "<p>A small jar shaped like a canari, coated with a light slip burnished with a "
            "pebble before firing, which gives it a satin sheen. Made in small batches, at the "
            "pace of the centre's firings: about one every three weeks.</p>"
        ),
        "alt": "Small round jar with a satin beige slip and a wide opening, on a mat.",
    },
    "lampe-terre-cuite-ajouree": {
        "slug": "pierced-terracotta-lamp",
        "title": "Pierced terracotta lamp",
        "materials": "Hand-pierced terracotta, wooden base, cable and E14 socket",
        "dimensions": "Ø 15 cm, height 24 cm",
        "care_notes": "LED bulb of 4 W at most. Fragile: carry it by its base.",
        "description": (
            "<p>A small terracotta lamp pierced with about a hundred holes, which turns a dark "
            "room into a starry sky. The design was born of a firing accident at the Thiès "
            "centre; each lamp is pierced by hand, hole after hole.</p>"
        ),
        "alt": "Small pierced terracotta lamp, lit, casting points of light on a dark wall.",
    },
    "masque-dimb-patine": {
        "slug": "patinated-dimb-wood-mask",
        "title": "Patinated dimb wood mask",
        "materials": "Carved dimb wood, tinted beeswax patina",
        "care_notes": "Dust with a brush. Keep away from heat.",
        "description": (
            "<p>A mask with a long face, a high forehead and half-closed eyes, carved from a "
            "block of dimb and patinated with tinted wax. A freely inspired work that copies no "
            "ritual object.</p><p>One of a kind, from the Fleuve workshop in Saint-Louis.</p>"
        ),
        "alt": "Dark brown wooden mask with a long face and half-closed eyes, on a white wall.",
    },
    "masque-rieur-serie": {
        "slug": "small-laughing-mask",
        "title": "Small laughing mask",
        "materials": "Carved vène wood, beeswax finish",
        "care_notes": "Dust with a brush. Keep away from heat.",
        "description": (
            "<p>A small mask with a broad smile, carved in a short series: each one is cut by "
            "hand and differs slightly from the others. It hangs from a cord fixed at the "
            "back.</p>"
        ),
        "alt": (
            "Small reddish wooden mask with a broad smile and round cheeks, on a light background."
        ),
    },
    "sculpture-pecheur-guet-ndar": {
        "slug": "guet-ndar-fisherman",
        "title": "Guet Ndar fisherman",
        "materials": "Solid dimb wood, oil finish",
        "dimensions": "Height 62 cm, base 18 × 18 cm",
        "care_notes": "Dust with a brush. Oil the wood once a year.",
        "description": (
            "<p>A Guet Ndar fisherman standing with his net over his shoulder, carved from a "
            "single block of dimb. The gouge marks stay visible on his clothes; the face and "
            "hands are polished so that the light rests on them.</p><p>Two months of work at "
            "the Fleuve workshop. One of a kind.</p>"
        ),
        "alt": (
            "Brown wooden figure of a standing fisherman with a net over his shoulder, on a "
            "square base."
        ),
    },
    "souwere-pont-faidherbe": {
        "slug": "faidherbe-bridge-at-dusk",
        "title": "The Faidherbe bridge at dusk",
        "materials": "Reverse glass painting (souwère), inks and gouache, painted wooden frame",
        "dimensions": "40 × 30 cm with the frame",
        "care_notes": "Handle with care: the glass is painted on the back. Clean with a dry cloth.",
        "description": (
            "<p>The Faidherbe bridge at sunset, its metal arches against a pink sky, with "
            "pirogues gliding on the river. The scene is painted in reverse, straight on the back "
            "of the glass, in the souwère technique.</p><p>One of a kind, framed at the Fleuve "
            "workshop.</p>"
        ),
        "alt": (
            "Reverse glass painting of an arched metal bridge over a river at sunset, with "
            "pirogues."
        ),
    },
    "souwere-pirogues-au-petit-matin": {
        "slug": "pirogues-at-daybreak",
        "title": "Pirogues at daybreak",
        "materials": "Reverse glass painting (souwère), inks and gouache, painted wooden frame",
        "dimensions": "40 × 30 cm with the frame",
        "care_notes": "Handle with care: the glass is painted on the back. Clean with a dry cloth.",
        "description": (
            "<p>Brightly coloured pirogues lined up on the beach of Guet Ndar at daybreak, while "
            "the fishermen prepare their nets. The first souwère Ousmane offered in the "
            "shop.</p><p>One of a kind.</p>"
        ),
        "alt": (
            "Reverse glass painting of colourful pirogues on a beach, with fishermen under a pale "
            "sky."
        ),
    },
    "souwere-signare-a-l-eventail": {
        "slug": "signare-with-a-fan",
        "title": "The signare with a fan",
        "materials": "Reverse glass painting (souwère), inks and gouache, painted wooden frame",
        "dimensions": "45 × 35 cm with the frame",
        "care_notes": "Handle with care: the glass is painted on the back. Clean with a dry cloth.",
        "description": (
            "<p>A signare of Saint-Louis, an elegant figure of the city's history, in a tall "
            "headscarf and holding a fan. A classic souwère subject, revisited with bold colours "
            "and finely detailed cloth patterns.</p><p>One of a kind.</p>"
        ),
        "alt": (
            "Reverse glass painting of a woman in a tall headdress and patterned dress, holding a "
            "fan, on a yellow background."
        ),
    },
    "corbeille-feuille-palmier": {
        "slug": "palm-leaf-basket",
        "title": "Palm leaf basket",
        "materials": "Dried palm leaves, raffia binding",
        "dimensions": "Ø 30 cm, height 10 cm",
        "care_notes": "Dust, then wipe with a damp cloth. Do not soak.",
        "description": (
            "<p>A low basket woven in a spiral, for bread, fruit or small things. Dried palm "
            "leaf gives it a straw colour that mellows gently with time.</p>"
        ),
        "alt": (
            "Low round basket woven in a spiral from straw-coloured palm leaves, full of mangoes."
        ),
    },
    "sac-cabas-raphia-cuir": {
        "slug": "raffia-and-leather-tote",
        "title": "Raffia and leather tote bag",
        "materials": "Woven natural raffia, leather handles, cotton lining",
        "dimensions": "42 × 35 cm, depth 14 cm",
        "care_notes": (
            "Keep out of the rain. Feed the leather with a colourless cream twice a year."
        ),
        "description": (
            "<p>A supple, hard-wearing tote woven in natural raffia, with leather handles long "
            "enough to carry on the shoulder. Lined with cotton, it closes with a press "
            "stud.</p>"
        ),
        "alt": "Natural raffia tote bag with long brown leather handles, against a wall.",
    },
    "sac-bandouliere-pagne-tisse": {
        "slug": "woven-cloth-shoulder-bag",
        "title": "Woven cloth shoulder bag",
        "materials": "Hand-woven manjak cloth, cotton lining, adjustable cotton strap",
        "dimensions": "28 × 22 cm, 120 cm strap",
        "care_notes": "Hand wash in cold water. Do not wring; dry flat.",
        "description": (
            "<p>A shoulder bag cut from a strip of manjak cloth with black and white geometric "
            "patterns, bought from weavers in Ziguinchor. Zip closure, inside pocket and "
            "adjustable strap.</p>"
        ),
        "alt": (
            "Rectangular shoulder bag in woven fabric with black and white geometric patterns "
            "and a cotton strap."
        ),
    },
    "chemise-wax-manches-courtes": {
        "slug": "short-sleeved-wax-shirt",
        "title": "Short-sleeved wax shirt",
        "materials": "100 % cotton wax print, mother-of-pearl buttons",
        "dimensions": "Size M: chest 104 cm, length 74 cm",
        "care_notes": "Wash at 30 °C inside out, dry in the shade.",
        "description": (
            "<p>A short-sleeved shirt with a classic collar, cut from a wax print with large "
            "yellow and blue circles. The pattern is matched down the front, as the most "
            "demanding tailors do.</p><p>The whole series has found buyers; a new one is being "
            "sewn.</p>"
        ),
        "alt": (
            "Short-sleeved shirt in a wax print with large yellow and blue circles, on a hanger."
        ),
    },
    "housse-coussin-pagne-manjak": {
        "slug": "manjak-cloth-cushion-cover",
        "title": "Manjak cloth cushion cover",
        "materials": "Hand-woven manjak cloth, plain cotton back, zip",
        "dimensions": "45 × 45 cm (cover only)",
        "care_notes": "Hand wash in cold water. Iron inside out, no steam on the woven part.",
        "description": (
            "<p>A cushion cover that pairs a band of hand-woven manjak cloth with a natural "
            "cotton back. Sold without filling, it fits a standard 45 cm cushion.</p>"
        ),
        "alt": (
            "Square cushion cover with a central woven band in red and black patterns on "
            "natural cotton."
        ),
    },
    "tabouret-bas-ronier": {
        "slug": "low-ronier-stool",
        "title": "Low rônier stool",
        "materials": "Rônier wood seat, pegged teak legs",
        "dimensions": "30 × 30 cm, height 25 cm",
        "care_notes": "Fine outdoors under cover. Oil once a year.",
        "description": (
            "<p>The low stool of Casamance kitchens and courtyards, for sitting by the fire or "
            "sorting rice. The rônier seat, fibrous and very strong, rests on four firmly pegged "
            "teak legs.</p>"
        ),
        "alt": "Low square stool in light fibrous wood on four short legs, in a courtyard.",
    },
    "table-appoint-teck": {
        "slug": "round-teak-side-table",
        "title": "Round teak side table",
        "materials": "Casamance teak, one-piece top, oil finish",
        "dimensions": "Ø 50 cm, height 55 cm",
        "care_notes": "Wipe up spills at once. Oil with teak oil when needed.",
        "description": (
            "<p>A round side table whose top is cut from a single teak board, on three slightly "
            "splayed legs. The darker heartwood draws a spiral in the middle of the top.</p>"
            "<p>One of a kind.</p>"
        ),
        "alt": (
            "Round golden teak side table, its top veined with a dark spiral, on three splayed "
            "legs."
        ),
    },
    "etagere-echelle-ronier": {
        "slug": "ronier-ladder-shelf",
        "title": "Rônier ladder shelf",
        "materials": "Rônier uprights, teak shelves",
        "dimensions": "60 × 35 cm, height 160 cm, 4 shelves",
        "care_notes": "Lean against a steady wall and fix the top with the clip provided.",
        "description": (
            "<p>A ladder-shaped shelf to lean against a wall: for bowls and calabashes in a "
            "kitchen, or books and plants in a living room. It comes apart in three pieces for "
            "transport.</p>"
        ),
        "alt": (
            "Ladder-shaped shelf leaning against a wall, with four wooden shelves holding "
            "calabashes and plants."
        ),
    },
}

STORIES = {
    "ronier-un-etabli-a-soi": {
        "slug": "ronier-a-workbench-of-his-own",
        "title": "Rônier, a workbench of his own",
        "standfirst": (
            "Released from prison a little under a year ago, the carpenter who signs his work "
            "Rônier rents a workbench at the Kassoumay workshop in Ziguinchor. Stools, shelves, "
            "tables: piece by piece, he is building a clientele, and the plan for a workshop of "
            "his own."
        ),
        "hero_caption": "A shopping street in Ziguinchor, late in the afternoon.",
        "hero_credit": "Illustration: Mains Libres",
        "body": [
            (
                "text",
                "<p>Rônier is the name he chose to sign his furniture. It is also the name of a "
                "palm tree that grows all over Casamance, whose fibrous, hard-wearing wood has "
                "always been used for roof frames, fences and kitchen stools. “A tree that "
                "stands up in the wind”, he sums up. He agreed to be photographed, but keeps "
                "his name for those close to him.</p>"
                "<p>He learned carpentry in the workshop of a prison where he spent several "
                "years. When he was released, he went home to Ziguinchor with a training "
                "certificate, a sketchbook and little else. The Kassoumay workshop offered him a "
                "workbench for a token rent: access to the shared machines and a locker.</p>"
                "<p>The first months were the hardest. He had to reconnect with people who had "
                "learned to live without him, and bear some looks in the neighbourhood. The "
                "workbench, he says, kept him going: every morning there was a reason to get up "
                "and work waiting for him.</p>"
                "<h2>Renting a bench, learning to run a business</h2>"
                "<p>Kassoumay works like an incubator. Everyone works on their own account, but "
                "they share tools, orders too big for one person, and advice. Once a week, a "
                "coordinator brings the artisans together to talk about everything a workbench "
                "does not teach: writing a quote, following up a customer, registering a "
                "business.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "The day someone ordered a second table because they liked the first "
                        "one, I knew I would make it."
                    ),
                    "attribution": "Rônier, carpenter",
                },
            ),
            (
                "text",
                "<h2>Furniture for every day</h2>"
                "<p>His furniture is simple and sturdy, made for the courtyards and kitchens of "
                "Casamance: low stools for sitting by the fire, ladder shelves for bowls and "
                "calabashes, small side tables. He works rônier, teak from the region's "
                "plantations and sometimes salvaged wood.</p>"
                "<p>Half of his sales now go through the Mains Libres shop, which introduced him "
                "to customers in Dakar. Transport is the main challenge: a piece of furniture "
                "takes three to five days to reach Dakar, so he has learned to design shelves "
                "that come apart and to wrap his tables in blankets.</p>"
                "<p>His next goal fits in one sentence, written at the top of his notebook: a "
                "workshop with a door onto the street. He has started saving.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Rônier's furniture",
                    "products": [
                        "tabouret-bas-ronier",
                        "table-appoint-teck",
                        "etagere-echelle-ronier",
                    ],
                },
            ),
        ],
    },
    "preparer-la-sortie-pas-a-pas": {
        "slug": "preparing-for-release-step-by-step",
        "title": "Preparing for release, step by step",
        "standfirst": (
            "Leaving prison is prepared months ahead: papers, housing, money, work. Ibrahima "
            "Sarr, cabinetmaker at the Baobab workshop, showed us his preparation folder, tab by "
            "tab."
        ),
        "hero_caption": "A road in the Baol region at daybreak.",
        "hero_credit": "Illustration: Mains Libres",
        "body": [
            (
                "text",
                "<p>On the workshop shelf, between two pots of glue, Ibrahima Sarr keeps a blue "
                "folder. On its spine he wrote “After”. Inside are six tabs: papers, housing, "
                "money, work, family, health. For a year he has been using it to prepare a "
                "release that is getting close.</p>"
                "<p>The idea comes from the prison's social service, which offers everyone near "
                "the end of their sentence one-to-one support. An adviser sees him once a month, "
                "and together they work through a list of steps that looks simple from the "
                "outside. It is not.</p>"
                "<h2>Papers first</h2>"
                "<p>First tab, first obstacle: the identity card. Without it, he cannot open an "
                "account, sign a lease or register as a craftsman. It took four months. With it, "
                "Ibrahima opened a mobile payment account, where the sales of his furniture are "
                "paid. At his request, part of it is set aside for his first months outside.</p>"
                "<h2>A trade, tools, a place</h2>"
                "<p>The “work” tab is the thickest: photos of his furniture, the list of his "
                "sales since the shop opened, the details of three carpenters willing to see "
                "him, and a list of tools to buy. Each time a piece sells, he ticks a line.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Outside, nobody will know me as a cabinetmaker. This folder is my way of "
                        "arriving with something in my hands."
                    ),
                    "attribution": "Ibrahima Sarr, cabinetmaker",
                },
            ),
            (
                "text",
                "<h2>What those who came before pass on</h2>"
                "<p>Former artisans of the workshop, now settled, come now and then to talk about "
                "their first months: finding somewhere to live, the neighbours' looks, the first "
                "order. Meanwhile, Ibrahima trains the two apprentices who will take over his "
                "bench. He is now teaching them to start their own folder.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Ibrahima Sarr's furniture",
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
    "khady-la-couture-et-les-devoirs-du-soir": {
        "slug": "khady-sewing-and-evening-homework",
        "title": "Khady, sewing and evening homework",
        "standfirst": (
            "In Ziguinchor, Khady sews shirts, bags and cushion covers at the Kassoumay workshop, "
            "then gets home in time for her children's homework. A year after her release, she "
            "tells how she found her place at home again."
        ),
        "hero_caption": "A street in Ziguinchor as the schools come out.",
        "hero_credit": "Illustration: Mains Libres",
        "body": [
            (
                "text",
                "<p>At half past four, Khady puts her scissors away. She folds the shirt she has "
                "just finished, slips it into a bag with its label and says goodbye to the other "
                "artisans of the Kassoumay workshop. At five, her children come out of school. "
                "She wants to be there.</p>"
                "<p>Khady agreed to tell her story under her first name, without a photo of her "
                "face. She talks readily about her work and her children, much less about the "
                "rest. “What matters is now”, she says.</p>"
                "<h2>Coming home</h2>"
                "<p>When she came back, a little over a year ago, her children had grown. The "
                "youngest called her by her first name. Her sister, who had looked after them, "
                "had her own habits. She had to find her place again, gently. “I could not walk "
                "in and say: now I decide. First, I listened.”</p>"
                "<p>Work helped. Khady had learned to sew making uniforms. At Kassoumay she "
                "discovered wax prints and above all manjak cloth, narrow bands woven on "
                "traditional looms, which she turns into bags, cushion covers and shirts.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "My children see me leave for work in the morning and come home in the "
                        "evening. That is the best thing I can show them."
                    ),
                    "attribution": "Khady, seamstress",
                },
            ),
            (
                "text",
                "<h2>A regular income</h2>"
                "<p>Khady sells part of what she makes to customers in her neighbourhood and the "
                "rest in the Mains Libres shop. Online orders are more regular; they let her plan "
                "ahead. At the end of each month, the workshop gives her the detail of her sales, "
                "piece by piece, with the price she set and receives in full.</p>"
                "<h2>Evening homework</h2>"
                "<p>In the evening, the kitchen table belongs to the exercise books. When the "
                "children are in bed, she sometimes takes out a sketchbook: a new bag, a pencil "
                "case, a dress for her daughter. She almost never sews at home: the machine stays "
                "at the workshop, and she holds on to that line.</p>",
            ),
            (
                "product_row",
                {
                    "heading": "Khady's pieces",
                    "products": [
                        "sac-bandouliere-pagne-tisse",
                        "housse-coussin-pagne-manjak",
                        "chemise-wax-manches-courtes",
                    ],
                },
            ),
        ],
    },
}
