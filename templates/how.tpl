{{%AUTOESCAPE context="HTML"}}
<section id="how" class="note" aria-labelledby="how-h">
<h2 id="how-h">{{L_HOW_CALCULATED}}</h2>
<p>{{L_FORMULA_1}}</p>
<p>{{L_FORMULA_2}}</p>
<p>{{L_FORMULA_3}}</p>
<p>{{L_FORMULA_4}}</p>
</section>
